// A brain Reply as an Adaptive Card: which template, and the data it is expanded with.
// No bot SDK here: the Teams adapter sends what attachmentFor() returns.
import { money, type Lang } from '../brain/format.js';
import { MAX_AMOUNT } from '../brain/recalculate.js';
import { ALL_FUNDS, type Calculator, type Reply, type ReplyKind, type ReplyRow, type SourceRef, type Suggestion } from '../brain/reply.js';
import { sourceLine } from '../brain/sources.js';
import { expandCard, type AdaptiveCardJson, type CardName, type CardNode } from './expand.js';
import { askCoordinatorAction, voteActions } from './feedback.js';
import { summaryLine } from './summary.js';

export interface CardOptions {
  /** The question that produced the reply: "Visa beräkning" / "Visa källa" ask it again. */
  question: string;
  /** The conversation context as a JSON string, sent back with those actions. */
  context: string;
  /** Render the "Beräkning" section open (the card sent after "Visa beräkning"). */
  showDerivation?: boolean;
  /** Render the "Källa" section open (the card sent after "Visa källa"). */
  showSource?: boolean;
  /** A long card's page: the first row shown (after "Visa fler"). */
  from?: number;
  /**
   * For the compose box: the card is inserted into any chat, also one without the bot, so it has no button
   * that sends anything to the bot (the sections still open and close in the client).
   */
  insertable?: boolean;
  /** "Fråga en samordnare" under the answer: the documents did not answer and the tenant has an expert channel. */
  offerAsk?: boolean;
}

export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCardJson;
}

/** Every text a template shows that does not come from the reply itself. */
export interface CardLabels {
  derivation: string;
  source: string;
  section: string;
  showDerivation: string;
  showSource: string;
  known: string;
  quote: string;
  total: string;
  difference: string;
  examples: string;
  moreChoices: string;
  errorCode: string;
  /** The what-if calculator: its button, its fields and what a field says when it is left wrong. */
  recalculate: string;
  pot: string;
  potBeyondBase: string;
  perRecipient: Record<'county' | 'subregion' | 'municipality', string>;
  funds: string;
  amountPlaceholder: string;
  amountError: string;
  /** A long card's next rows, and where the card is in them. */
  more: string;
  shown: (first: number, last: number, total: number) => string;
}

const LABELS: Record<Lang, CardLabels> = {
  sv: {
    derivation: 'Beräkning',
    source: 'Källa',
    section: 'avsnitt',
    showDerivation: 'Visa beräkning',
    showSource: 'Visa källa',
    known: 'Det här vet jag',
    quote: 'Citat ur dokumentet',
    total: 'Totalt',
    difference: 'Skillnad',
    examples: 'Prova till exempel',
    moreChoices: 'Alla alternativ',
    errorCode: 'Felkod',
    recalculate: 'Räkna om',
    pot: 'Pott i kronor',
    potBeyondBase: 'Pott utöver basen, i kronor',
    perRecipient: { county: 'Belopp per län, i kronor', subregion: 'Belopp per delregion, i kronor', municipality: 'Belopp per kommun, i kronor' },
    funds: 'Medel',
    amountPlaceholder: 'till exempel 25000000',
    amountError: `Skriv ett belopp i kronor, större än 0 och högst ${money(MAX_AMOUNT, 'sv')}.`,
    more: 'Visa fler',
    shown: (first, last, total) => `Visar ${first}–${last} av ${total}.`,
  },
  en: {
    derivation: 'Calculation',
    source: 'Source',
    section: 'section',
    showDerivation: 'Show calculation',
    showSource: 'Show source',
    known: 'What I do know',
    quote: 'Quote from the document (in Swedish)',
    total: 'Total',
    difference: 'Difference',
    examples: 'Try for example',
    moreChoices: 'All options',
    errorCode: 'Error code',
    recalculate: 'Recalculate',
    pot: 'Pot in kronor',
    potBeyondBase: 'Pot beyond the base, in kronor',
    perRecipient: { county: 'Amount per county, in kronor', subregion: 'Amount per sub-region, in kronor', municipality: 'Amount per municipality, in kronor' },
    funds: 'Funds',
    amountPlaceholder: 'for example 25000000',
    amountError: `Enter an amount in kronor, above 0 and at most ${money(MAX_AMOUNT, 'en')}.`,
    more: 'Show more',
    shown: (first, last, total) => `Showing ${first}–${last} of ${total}.`,
  },
};

const TEXTS: Record<Lang, { welcomeTitle: string; welcomeIntro: string; errorTitle: string; errorText: string; slowDownTitle: string; slowDownText: string }> = {
  sv: {
    welcomeTitle: 'Välkommen till Stimulansboten',
    welcomeIntro:
      'Jag svarar på frågor om stimulansmedlen för psykisk hälsa och suicidprevention – belopp, deadlines, fakturauppgifter, fokusområden, fördelningsnycklar och kontaktpersoner – och visar alltid källan i dokumenten. Det som inte står i dokumenten säger jag att jag inte vet.',
    errorTitle: 'Något gick fel',
    errorText: 'Jag kunde inte svara på det just nu. Försök igen om en stund. Om felet kvarstår, ange felkoden nedan när du hör av dig.',
    slowDownTitle: 'Många frågor på kort tid',
    slowDownText: 'Den här konversationen har skickat fler frågor än jag hinner svara på just nu, så jag svarar inte på de senaste. Vänta en minut och fråga igen.',
  },
  en: {
    welcomeTitle: 'Welcome to Stimulansboten',
    welcomeIntro:
      'I answer questions about the state’s stimulus funds for mental health and suicide prevention – amounts, deadlines, invoice details, focus areas, distribution keys and contacts – always with the source in the documents. When something is not in the documents, I say that I do not know.',
    errorTitle: 'Something went wrong',
    errorText: 'I could not answer that just now. Please try again in a moment. If it keeps happening, quote the error code below when you get in touch.',
    slowDownTitle: 'Many questions in a short time',
    slowDownText: 'This conversation has sent more questions than I can answer right now, so I am not answering the latest ones. Please wait a minute and ask again.',
  },
};

/** The template each kind of reply is shown with. */
export const TEMPLATE: Record<ReplyKind, CardName> = {
  amount: 'amount',
  list: 'list',
  deadline: 'deadline',
  invoice: 'invoice',
  focusArea: 'focusArea',
  key: 'key',
  contact: 'contact',
  figure: 'quote',
  passage: 'quote',
  help: 'help',
  greeting: 'help',
  unknown: 'unknown',
  clarify: 'clarify',
  // What changed, the subscriptions and the schedule, as facts.
  subscription: 'amount',
};

/** At most this many suggestion buttons under a reply. */
const MAX_SUGGESTIONS = 3;

interface RowData {
  label: string;
  value: string;
  /** A code to copy (GLN, reference code, cost centre): set in monospace; prose is not. */
  code: boolean;
  /** The value, in a FactSet with its note: "42 451 kr (rekonstruerat, tryckt som ”22451”)". */
  display: string;
  note: string;
}

interface SourceData {
  title: string;
  origin: string;
  section: string;
  quote: string;
}

/** The template a reply is shown with: a what-if that can be recomputed has the calculator card. */
export function templateOf(reply: Reply): CardName {
  return reply.calculator ? 'whatIf' : TEMPLATE[reply.kind];
}

/** Teams refuses larger message-extension results and slows on larger messages: counted as UTF-16, as Teams does. */
export const MAX_CARD_UTF16 = 28 * 1024;

/** A card's size as Teams counts it. */
export function cardSize(card: AdaptiveCardJson): number {
  return JSON.stringify(card).length * 2;
}

/**
 * The card of a reply. One too large for Teams shows as many rows as fit, from `options.from`, and ends with
 * where it is ("Visar 1–12 av 40") and, in a chat, "Visa fler" for the next rows.
 */
export function cardForReply(reply: Reply, options: CardOptions): AdaptiveCardJson {
  const from = Math.min(options.from ?? 0, Math.max(0, reply.rows.length - 1));
  const whole = from === 0 ? withAnswerActions(expandReply(reply, options), reply, options) : undefined;
  if (whole && cardSize(whole) <= MAX_CARD_UTF16) return whole;
  const page = (count: number) => {
    const next = Math.min(reply.rows.length, from + count);
    return withAnswerActions(pageOf(reply, options, from, next), reply, options, next);
  };
  // The most rows that fit, found by halving (a handful of expansions, only for the rare long card).
  let fits = 1;
  let over = reply.rows.length - from + 1;
  while (over - fits > 1) {
    const mid = Math.floor((fits + over) / 2);
    if (cardSize(page(mid)) <= MAX_CARD_UTF16) fits = mid;
    else over = mid;
  }
  return page(fits);
}

/**
 * The one place where an answer card gets actions beyond its template's suggestions (which come first in
 * the template): "Visa fler" for a long card's next rows, "Fråga en samordnare" when offered, and 👍 / 👎 last. Buttons that need the bot go before the suggestions;
 * an inserted card keeps none of them (withoutBotActions).
 */
function withAnswerActions(card: AdaptiveCardJson, reply: Reply, options: CardOptions, next?: number): AdaptiveCardJson {
  const labels = LABELS[reply.lang];
  const own: CardNode[] = [];
  if (next !== undefined && next < reply.rows.length) {
    const data = { question: options.question, context: options.context, from: String(next) };
    own.push({ type: 'Action.Execute', title: labels.more, verb: 'more', data, fallback: { type: 'Action.Submit', title: labels.more, data: { verb: 'more', ...data } } });
  }
  if (options.offerAsk === true) own.push(askCoordinatorAction(reply.lang, { question: options.question, context: options.context }));
  const votes = VOTED_KINDS.has(reply.kind) ? voteActions(reply.lang, options) : [];
  if (own.length === 0 && votes.length === 0) return card;
  const withOwn = { ...card, actions: [...own, ...(card.actions ?? []), ...votes] };
  return options.insertable === true ? withoutBotActions(withOwn) : withOwn;
}

/** Answers from the documents (or the lack of one) get 👍 / 👎; help, greetings and subscription changes do not. */
const VOTED_KINDS: ReadonlySet<ReplyKind> = new Set(['amount', 'list', 'deadline', 'invoice', 'focusArea', 'key', 'contact', 'figure', 'passage', 'unknown', 'clarify']);

/** Rows `from` to `to` of a long reply, with where they are in it ("Visar 13–24 av 40."). */
function pageOf(reply: Reply, options: CardOptions, from: number, to: number): AdaptiveCardJson {
  const card = expandReply({ ...reply, rows: reply.rows.slice(from, to), ...(from > 0 ? { figure: undefined } : {}) } as Reply, options);
  if (from === 0 && to === reply.rows.length) return card;
  const shown = { type: 'TextBlock', text: LABELS[reply.lang].shown(from + 1, to, reply.rows.length), size: 'Small', isSubtle: true, wrap: true, spacing: 'Medium' };
  return { ...card, body: [...card.body, shown] };
}

function expandReply(reply: Reply, options: CardOptions): AdaptiveCardJson {
  const lang = reply.lang;
  const labels = LABELS[lang];
  const template = templateOf(reply);
  const inFactSet = template === 'amount' || template === 'list' || template === 'whatIf';
  const rows = (template === 'invoice' ? whereWhenCodesFirst(reply.rows) : reply.rows).map((row) => rowData(row, inFactSet));
  const sources = uniqueSources(reply.sources);
  const quote = reply.quote ?? reply.sources[0];
  const line = summaryLine(reply.text);
  // In a chat, the message's own text is that line: the card does not say it again. An inserted card has no
  // such text, so it keeps it.
  const said = options.insertable === true ? '' : line;
  const leadSentence = lead(reply);
  const data = {
    labels,
    title: reply.title,
    text: template === 'unknown' ? withoutLine(reply.text, said) : template === 'clarify' ? clarifyingQuestion(reply, said) : reply.text,
    // A what-if's terms stay: "Räkna om" replaces the card, not the message's text, which then tells the old pot.
    lead: said !== '' && !reply.calculator && sameLine(leadSentence, said) ? '' : leadSentence,
    // A list's big figure is its total; its top entry is the first row already, not said again as a headline.
    figure: topEntry(reply, template) ? '' : (reply.figure ?? ''),
    figureCaption: template === 'list' && !topEntry(reply, template) ? figureCaption(reply, labels) : '',
    rows,
    stacked: needsStacking(reply.rows),
    groups: template === 'focusArea' ? groups(reply.rows) : [],
    notes: reply.notes,
    derivation: reply.derivation,
    sources,
    // The document behind the answer, always visible; the quote and section open with "Källa".
    sourceLine: sourceLine(reply.sources, lang),
    quote: template === 'quote' ? (quote?.quote ?? '') : '',
    quoteSource: template === 'quote' && quote ? `— ${quote.origin}, ${quote.section}` : '',
    known: reply.known,
    moreChoices: reply.kind === 'clarify' ? moreChoices(reply) : '',
    suggestions: suggestions(reply.suggestions, labels),
    question: options.question,
    context: options.context,
    showDerivation: options.showDerivation === true,
    showSource: options.showSource === true,
    ...(reply.calculator ? calculatorData(reply.calculator, labels) : {}),
  };
  const card = withFallbackText(withoutMarkdownLists(expandCard(template, data)), line);
  return options.insertable === true ? withoutBotActions(card) : card;
}

/**
 * Teams reads a TextBlock's text as Markdown: a line starting "1. " or "- " would become a list (renumbered,
 * indented). A no-break space after the mark is not Markdown's space, so the text stays as written.
 */
function withoutMarkdownLists<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutMarkdownLists) as T;
  // A RichTextBlock's TextRuns are plain text already (a quote stays exactly as the document prints it).
  if (node === null || typeof node !== 'object' || (node as { type?: unknown }).type === 'TextRun') return node;
  const copy = { ...(node as Record<string, unknown>) };
  for (const [key, value] of Object.entries(copy)) {
    if (key === 'data' || key === 'fallback') continue;
    if ((key === 'text' || key === 'value' || key === 'title') && typeof value === 'string') copy[key] = value.replace(/^(\s*)(\d{1,3}[.)]|[-*+]) /gm, '$1$2\u00a0');
    else copy[key] = withoutMarkdownLists(value);
  }
  return copy as T;
}

/**
 * A clarifying question stays on its card (it is what the buttons answer), in its short form when the message
 * says it in full: "Vilken plats menar du?" over the buttons, "Vilken plats menar du: Dalarna, …?" as the text.
 */
function clarifyingQuestion(reply: Reply, said: string): string {
  const short = reply.title.replace(/\?$/, '');
  return said !== '' && short !== '' && reply.text.startsWith(short) && sameLine(reply.text, said) ? reply.title : reply.text;
}

/** Whether two sentences say the same (one is the other, or the other cut short). */
function sameLine(a: string, b: string): boolean {
  const bare = (text: string) => text.replace(/\s+/g, ' ').replace(/[.…:\s]+$/, '').trim();
  const [x, y] = [bare(a), bare(b)];
  return x !== '' && y !== '' && (x.startsWith(y) || y.startsWith(x));
}

/** The text after its first line, when the message already says that line. */
function withoutLine(text: string, line: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return line !== '' && flat.startsWith(line) ? flat.slice(line.length).trim() : text;
}

/** What a client that cannot draw the card shows instead, and what notifications of a fallback say. */
function withFallbackText(card: AdaptiveCardJson, text: string): AdaptiveCardJson {
  card.fallbackText = text;
  return card;
}

/** Actions that reach the bot (Action.Execute, Action.Submit) and the inputs they would send, taken out. */
export function withoutBotActions(card: AdaptiveCardJson): AdaptiveCardJson {
  const reachesBot = (node: CardNode) => node.type === 'Action.Execute' || node.type === 'Action.Submit';
  const prune = (nodes: CardNode[]): CardNode[] =>
    nodes
      .filter((node) => !reachesBot(node) && !node.type.startsWith('Input.'))
      .map((node) => {
        const copy: CardNode = { ...node };
        for (const key of ['items', 'actions', 'columns', 'body'] as const) {
          if (Array.isArray(copy[key])) copy[key] = prune(copy[key] as CardNode[]);
        }
        return copy;
      })
      // What held only those (the calculator's field and button) goes with them.
      .filter((node) => (node.type !== 'ActionSet' || (node.actions as CardNode[]).length > 0) && (node.type !== 'Container' || (node.items as CardNode[]).length > 0));
  const { actions, ...rest } = card;
  const kept = actions ? prune(actions) : [];
  return { ...rest, body: prune(card.body), ...(kept.length > 0 ? { actions: kept } : {}) };
}

/** The card sent when the bot is installed: what it knows and three questions to start with. */
export function welcomeCard(lang: Lang, known: string[], examples: Suggestion[]): AdaptiveCardJson {
  return withFallbackText(expandCard('welcome', {
    labels: LABELS[lang],
    title: TEXTS[lang].welcomeTitle,
    intro: TEXTS[lang].welcomeIntro,
    known,
    suggestions: examples.slice(0, MAX_SUGGESTIONS),
  }), TEXTS[lang].welcomeTitle);
}

/** A short apology with the id that finds the failure in the logs; never an error message or a stack. */
export function errorCard(lang: Lang, correlationId: string): AdaptiveCardJson {
  const id = String(correlationId).split(/\r?\n/)[0]!.trim().slice(0, 100);
  return withFallbackText(expandCard('error', { labels: LABELS[lang], title: TEXTS[lang].errorTitle, text: TEXTS[lang].errorText, correlationId: id }), TEXTS[lang].errorTitle);
}

/** Said once when a conversation sends more than the rate limit allows; the excess is not answered. */
export function slowDownCard(lang: Lang): AdaptiveCardJson {
  return withFallbackText(expandCard('notice', { title: TEXTS[lang].slowDownTitle, text: TEXTS[lang].slowDownText }), TEXTS[lang].slowDownTitle);
}

export function slowDownText(lang: Lang): string {
  return TEXTS[lang].slowDownTitle;
}

export function attachmentFor(card: AdaptiveCardJson): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}

/** The calculator's fields, prefilled with the amount and funds used, and the what-if its button sends back. */
function calculatorData(calculator: Calculator, labels: CardLabels) {
  const { frame } = calculator;
  const label = frame.kind === 'base' ? labels.perRecipient[frame.per ?? 'county'] : frame.kind === 'rest' ? labels.potBeyondBase : labels.pot;
  return {
    problem: calculator.problem ?? '',
    whatIf: JSON.stringify(frame),
    calculator: {
      label,
      placeholder: labels.amountPlaceholder,
      errorMessage: labels.amountError,
      // Input.Number holds a number: the exact amount as one (kronor and öre are exact in a double this size).
      value: Number(frame.amount),
      min: 0.01,
      max: MAX_AMOUNT.toNumber(),
      fundLabel: labels.funds,
      funds: calculator.funds,
      fund: frame.funds.length === 0 ? ALL_FUNDS : frame.funds[0]!,
    },
  };
}

function rowData(row: ReplyRow, inFactSet: boolean): RowData {
  // The note (how sure the value is, worded by the brain's provenance, or what to do) follows the value
  // in a FactSet, which has no room of its own for it.
  const note = row.note ?? '';
  return { label: row.label, value: row.value, code: isCode(row.value), display: inFactSet && note ? `${row.value} (${note})` : row.value, note: inFactSet ? '' : note };
}

/**
 * A FactSet's label column is narrow (Teams: about 150 px of bold text): a word wider than that
 * ("Ungdomsmottagningar") is broken mid-word. Such rows are shown each label above its value instead.
 * Widths are counted in average letters: narrow ones (i, l, t, f, j, r) less, wide ones (m, w) and capitals more.
 */
const WIDEST_LABEL_WORD = 17.5;

function letterWidth(letter: string): number {
  if (/[iljtfr.,:;!|']/.test(letter)) return 0.6;
  if (/[mwMW]/.test(letter)) return 1.5;
  return /\p{Lu}/u.test(letter) ? 1.2 : 1;
}

function needsStacking(rows: ReplyRow[]): boolean {
  const width = (word: string) => [...word].reduce((sum, letter) => sum + letterWidth(letter), 0);
  return rows.some((row) => row.label.split(/[\s/–-]+/).some((word) => width(word) > WIDEST_LABEL_WORD));
}

/** Digits (and the spaces or dashes some codes are written with), nothing else. */
function isCode(value: string): boolean {
  return /^\d[\d\s-]{1,30}$/.test(value.trim());
}

/**
 * An invoice card answers where to send it, when and with which codes before the rest (who requisitions,
 * what it must contain). The rows carry labels only, so their kind is read from the label, in both languages.
 */
const INVOICE_ORDER: RegExp[] = [/kanal|channel/i, /GLN/i, /adress|address/i, /period/i, /referenskod|reference code/i, /kostnadsställe|cost cent/i, /rubrik|heading/i];

function whereWhenCodesFirst(rows: ReplyRow[]): ReplyRow[] {
  const rank = (row: ReplyRow) => {
    const at = INVOICE_ORDER.findIndex((pattern) => pattern.test(row.label));
    return at < 0 ? INVOICE_ORDER.length : at;
  };
  return rows.map((row, index) => ({ row, index })).sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index).map(({ row }) => row);
}

/** Consecutive rows with the same label (a focus area's activities) under one heading, as bullets. */
function groups(rows: ReplyRow[]): { label: string; lines: string[] }[] {
  const result: { label: string; values: string[] }[] = [];
  for (const row of rows) {
    const last = result[result.length - 1];
    if (last && last.label === row.label) last.values.push(row.value);
    else result.push({ label: row.label, values: [row.value] });
  }
  return result.map(({ label, values }) => ({
    label: label === '•' ? '' : label,
    lines: values.filter((value) => value !== '').map((value) => (values.length > 1 || label === '•' ? `• ${value}` : value)),
  }));
}

/** The same document passage once; a quote that only repeats the document title is left out. */
function uniqueSources(sources: SourceRef[]): SourceData[] {
  const seen = new Set<string>();
  const result: SourceData[] = [];
  for (const source of sources) {
    const key = [source.title, source.origin, source.section, source.quote].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ title: source.title, origin: source.origin, section: source.section, quote: source.quote === source.title ? '' : source.quote });
  }
  return result;
}

/** The key sentence above the rows, where the rows alone do not say it (deadline status, help). */
function lead(reply: Reply): string {
  // A what-if's terms (the pot, the base, the key) are what the figure means: said under it.
  if (reply.calculator) return reply.calculator.problem === undefined ? withoutRows(firstSentence(reply.text), reply.rows) : '';
  switch (reply.kind) {
    case 'help':
    case 'greeting':
      return firstSentence(reply.text);
    case 'deadline': {
      const sentence = firstSentence(reply.text);
      // Several deadlines: the first sentence only lists the rows again.
      return reply.rows.length <= 1 || !sentence.includes(reply.rows[0]!.value) ? sentence : '';
    }
    default:
      return '';
  }
}

/** A sentence that goes on to list the rows ("…: Nordost 4 442 776 kr, …") up to where the rows begin: the card shows them. */
function withoutRows(sentence: string, rows: ReplyRow[]): string {
  const first = rows[0];
  const at = first ? sentence.indexOf(`${first.label} ${first.value}`) : -1;
  return at > 0 ? `${sentence.slice(0, at).replace(/[\s:,;]+$/, '')}.` : sentence;
}

/** Up to the first full stop that ends a sentence ("… (har passerat). Fakturera …"). */
function firstSentence(text: string): string {
  const match = /^.+?\.(?=\s+[A-ZÅÄÖ”“"]|\s*$)/su.exec(text);
  return (match ? match[0] : text).trim();
}

/** Whether a list's figure is only one of its rows (the largest, the smallest). */
function topEntry(reply: Reply, template: CardName): boolean {
  return template === 'list' && reply.figure !== undefined && reply.rows.some((row) => row.value === reply.figure);
}

/** What the big figure of a list is: the entry it belongs to, or the whole the entries make up. */
function figureCaption(reply: Reply, labels: CardLabels): string {
  if (!reply.figure) return '';
  const entry = reply.rows.find((row) => row.value === reply.figure);
  if (entry) return entry.label;
  // Said only when the figure is that: the rows' sum, or the difference of two (a comparison).
  const figure = ore(reply.figure);
  const values = reply.rows.map((row) => ore(row.value));
  if (figure === undefined || values.some((value) => value === undefined)) return '';
  const [a, b] = values as number[];
  if (values.reduce((sum, value) => sum! + value!, 0) === figure) return labels.total;
  if (values.length === 2 && Math.abs(a! - b!) === figure) return labels.difference;
  return '';
}

/** An amount as the cards write it ("18 172 239 kr", "6 635 082,09 kr", "SEK 1,234.50"), in öre. */
function ore(text: string): number | undefined {
  const bare = text.replace(/[\s\u00a0\u202f]/g, '');
  const millions = /^(\d+)(?:[,.](\d{1,2}))?(?:mkr|Mkr|miljonerkr)$/.exec(bare) ?? /^SEK(\d+)(?:\.(\d{1,2}))?million$/.exec(bare);
  if (millions) return (Number(millions[1]) * 100 + Number((millions[2] ?? '').padEnd(2, '0'))) * 10_000 * 100;
  const sv = /^(-?\d+)(?:,(\d{1,2}))?kr$/.exec(bare);
  const en = /^SEK(-?[\d,]+)(?:\.(\d{1,2}))?$/.exec(bare);
  const [, whole, cents = ''] = sv ?? (en ? [en[0], en[1]!.replace(/,/g, ''), en[2]] : []);
  return whole === undefined ? undefined : Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

/** The choices that have no button of their own. */
function moreChoices(reply: Reply): string {
  return reply.known.length > reply.suggestions.length ? reply.known.join(', ') : '';
}

/** The reply's follow-up questions as buttons; "Visa beräkning" is the card's own action instead. */
function suggestions(list: Suggestion[], labels: CardLabels): Suggestion[] {
  const own = labels.showDerivation.toLowerCase();
  const seen = new Set<string>();
  return list
    .filter((suggestion) => suggestion.title.toLowerCase() !== own)
    // The same button twice says nothing more.
    .filter((suggestion) => !seen.has(suggestion.title) && seen.add(suggestion.title))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ title, question }) => ({ title, question }));
}
