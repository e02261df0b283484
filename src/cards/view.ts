// A brain Reply as an Adaptive Card: which template, and the data it is expanded with.
// No bot SDK here: the Teams adapter sends what attachmentFor() returns.
import { money, type Lang } from '../brain/format.js';
import { MAX_AMOUNT } from '../brain/recalculate.js';
import { ALL_FUNDS, type Calculator, type Reply, type ReplyKind, type ReplyRow, type SourceRef, type Suggestion } from '../brain/reply.js';
import { sourceLine } from '../brain/sources.js';
import { expandCard, type AdaptiveCardJson, type CardName } from './expand.js';

export interface CardOptions {
  /** The question that produced the reply: "Visa beräkning" / "Visa källa" ask it again. */
  question: string;
  /** The conversation context as a JSON string, sent back with those actions. */
  context: string;
  /** Render the "Beräkning" section open (the card sent after "Visa beräkning"). */
  showDerivation?: boolean;
  /** Render the "Källa" section open (the card sent after "Visa källa"). */
  showSource?: boolean;
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
  subscription: 'help',
};

/** At most this many suggestion buttons under a reply. */
const MAX_SUGGESTIONS = 3;

interface RowData {
  label: string;
  value: string;
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

export function cardForReply(reply: Reply, options: CardOptions): AdaptiveCardJson {
  const lang = reply.lang;
  const labels = LABELS[lang];
  const template = templateOf(reply);
  const inFactSet = template === 'amount' || template === 'list' || template === 'whatIf';
  const rows = reply.rows.map((row) => rowData(row, inFactSet));
  const sources = uniqueSources(reply.sources);
  const quote = reply.quote ?? reply.sources[0];
  const data = {
    labels,
    title: reply.title,
    text: reply.text,
    lead: lead(reply),
    figure: reply.figure ?? '',
    figureCaption: template === 'list' ? figureCaption(reply, labels) : '',
    rows,
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
  return expandCard(template, data);
}

/** The card sent when the bot is installed: what it knows and three questions to start with. */
export function welcomeCard(lang: Lang, known: string[], examples: Suggestion[]): AdaptiveCardJson {
  return expandCard('welcome', {
    labels: LABELS[lang],
    title: TEXTS[lang].welcomeTitle,
    intro: TEXTS[lang].welcomeIntro,
    known,
    suggestions: examples.slice(0, MAX_SUGGESTIONS),
  });
}

/** A short apology with the id that finds the failure in the logs; never an error message or a stack. */
export function errorCard(lang: Lang, correlationId: string): AdaptiveCardJson {
  const id = String(correlationId).split(/\r?\n/)[0]!.trim().slice(0, 100);
  return expandCard('error', { labels: LABELS[lang], title: TEXTS[lang].errorTitle, text: TEXTS[lang].errorText, correlationId: id });
}

/** Said once when a conversation sends more than the rate limit allows; the excess is not answered. */
export function slowDownCard(lang: Lang): AdaptiveCardJson {
  return expandCard('notice', { title: TEXTS[lang].slowDownTitle, text: TEXTS[lang].slowDownText });
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
  return { label: row.label, value: row.value, display: inFactSet && note ? `${row.value} (${note})` : row.value, note: inFactSet ? '' : note };
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

/** What the big figure of a list is: the entry it belongs to, or the whole the entries make up. */
function figureCaption(reply: Reply, labels: CardLabels): string {
  if (!reply.figure) return '';
  return reply.rows.find((row) => row.value === reply.figure)?.label ?? labels.total;
}

/** The choices that have no button of their own. */
function moreChoices(reply: Reply): string {
  return reply.known.length > reply.suggestions.length ? reply.known.join(', ') : '';
}

/** The reply's follow-up questions as buttons; "Visa beräkning" is the card's own action instead. */
function suggestions(list: Suggestion[], labels: CardLabels): Suggestion[] {
  const own = labels.showDerivation.toLowerCase();
  return list
    .filter((suggestion) => suggestion.title.toLowerCase() !== own)
    .slice(0, MAX_SUGGESTIONS)
    .map(({ title, question }) => ({ title, question }));
}
