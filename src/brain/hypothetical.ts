// The hypothetical in a what-if question, read from its words: the new pot, a changed base per
// recipient, a count of units, a changed category ("om Jämtland vore ett storstadslän"), and the
// pot the user says it replaces ("i stället för 150 mkr"). Amounts are read as people write them:
// "25 mkr", "25 miljoner", "3,5 Mkr", "2 500 000 kr", "2,5 miljarder", "SEK 25 million", "25M",
// "100 MSEK", exactly, in kronor.
import { Decimal } from 'decimal.js';
import { foldText } from '../text/normalize.js';
import type { Lang } from './format.js';

export interface QuestionAmount {
  /** Exact kronor. */
  amount: Decimal;
  /** As the question writes it. */
  text: string;
  /** Where it stands in the (normalised) question text. */
  index: number;
  /** "5 mkr per län", "basen vore 1,5 mkr": an amount for each recipient. */
  perRecipient: boolean;
  /** "i stället för 150 mkr", "instead of 150 million": the amount the question says it replaces. */
  replaced: boolean;
  /** The kind of recipient a per-recipient amount names: "per län", "per delregion", "per kommun". */
  perKind?: RecipientKind;
  /** "om resten för samverkan vore 10 mkr", "if the remainder were 25 million": the part shared after the bases. */
  rest?: boolean;
  /** "och storstadslänen 3 mkr var", "the three metropolitan counties 3 Mkr each": the category the amount is for, folded. */
  category?: string;
}

export type RecipientKind = 'county' | 'subregion' | 'municipality';

export interface QuestionCount {
  count: number;
  /** The folded words after the number ("maria mottagningar", "instruktorer"). */
  words: string[];
  text: string;
}

export interface Hypothetical {
  amounts: QuestionAmount[];
  /** The new pot: the first amount that is neither per recipient nor replaced. */
  pot?: QuestionAmount;
  /** The new base per recipient. */
  base?: QuestionAmount;
  /** A per-recipient amount for the recipients of a category ("storstadslänen 3 mkr var"). */
  categoryBase?: QuestionAmount;
  /** The pot the question says the new one replaces. */
  replaced?: QuestionAmount;
  /** A count of units ("8 mottagningar", "10 instruktörer"). */
  count?: QuestionCount;
  /** Words of a category the recipient would belong to ("vore ett storstadslän"), folded. */
  category?: string[];
  /** "med samma bas", "with the same base". */
  sameBase: boolean;
  /** The kind of recipient the question speaks of ("per delregion", "kommunerna", "länen"), if it says. */
  recipients?: RecipientKind;
  /** "med samma fördelning", "samma andelar", "with the same split": the parts keep their printed proportions. */
  sameSplit: boolean;
  /** "med samma nyckel", "samma princip", "the same way": the document's key kept for another pot. */
  sameKey: boolean;
}

/** Powers of ten for the scale words people write after a number. */
const SCALES: [RegExp, number][] = [
  [/^(miljarder|miljard|mdkr|mdr|md|billions?|bn)$/i, 9],
  [/^(miljoner|miljon|milj|mkr|msek|mnkr|mn|millions?|mio|m)$/i, 6],
  [/^(tusen|tkr|thousands?|k)$/i, 3],
  [/^(kronor|kr|sek|:-)$/i, 0],
];

// A number: space-grouped ("2 500 000", "1 000 000,50"), comma-grouped ("25,000,000.50") or plain
// with a decimal comma or point ("3,5", "2.5"); then an optional scale word and currency.
const NUMBER = String.raw`\d{1,3}(?: \d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?`;
const SCALE_WORD = String.raw`miljarder|miljard|mdkr|mdr|billions?|bn|miljoner|miljon|milj\.?|mkr|msek|mnkr|millions?|mio|mn|tusen|tkr|thousands?`;
const AMOUNT = new RegExp(
  String.raw`(?<prefix>\bSEK ?|\bkr ?)?(?<number>${NUMBER})(?:(?<attached>[mMkK])\b| ?(?<scale>${SCALE_WORD})\b)?(?: ?(?<currency>kronor|kr|sek|:-)(?![\p{L}]))?`,
  'giu',
);

/** Counts written as words, for "tre mottagningar", "ten instructors". */
export const NUMBER_WORDS: Record<string, number> = {
  tva: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, atta: 8, nio: 9, tio: 10, elva: 11, tolv: 12, femton: 15, tjugo: 20,
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
};

/** After an amount: it is for each recipient. */
const PER_RECIPIENT_AFTER = /^\s*(i bas\w*|som bas\w*|in base|as (a )?base|(bas|base|basbelopp|base amount)s? per (lan|lanet|county|delregion\w*|sub[- ]?regions?|subregion\w*|kommun\w*|municipalit\w*|region\w*)|per (lan|lanet|county|delregion\w*|sub-?regions?|subregion\w*|kommun\w*|municipalit\w*|region\w*|mottagare|recipient\w*)|vardera|var|each|apiece)\b/;
/** Before an amount: "varje län fick", "each county got", "alla län får": the amount is for each recipient. */
const PER_RECIPIENT_BEFORE = /\b(varje|vart|each|every) (lan|lanet|county|region|delregion|sub-?region|subregion|kommun|municipality|recipient|mottagare)\b( [a-z]+){0,2}\s*$/;
/** Before an amount, in its clause: the words of a category of recipients with an amount of their own. */
const CATEGORY_BEFORE = /\b(storstad\w*|metropolitan|big-city|big city)\b(?![^,;]*\b(och|and|men|but)\b)[a-z ]*$/;
/** Words that name a kind of recipient. */
const KIND_WORDS: [RecipientKind, RegExp][] = [
  ['subregion', /\b(delregion\w*|sub-?regions?|subregion\w*|samverkansorgan\w*)\b/],
  ['municipality', /\b(kommun\w*|municipal\w*)\b/],
  ['county', /\b(lan|lanet|lanen|lans|county|counties|region|regioner|regionerna)\b/],
];
/** Before an amount: it is the base. */
const BASE_BEFORE = /\b(bas|basen|basbelopp\w*|grundbelopp\w*|base|base amount)( for [a-z ]+?)?( (vore|var|ar|blir|blev|hade varit|was|were|is|would be|of|pa|till|to))?\s*$/;
/** Before an amount: the amount it replaces. */
/** Before an amount: "utöver basen", "beyond the base": the amount is the rest, not a base. */
const REST_BEFORE = /\b(utover|utanfor|exklusive|exkl|utan|forutom|bortsett fran|beyond|excluding|excl|without|apart from|above|over|besides) (the )?(bas|basen|basbelopp\w*|base|bases|base amounts?)\b[a-z ]*$/;
const REPLACED_BEFORE = /\b(i stallet for|istallet for|i stallet|instead of|rather than|fran|from|och inte|not)\s*$/;
const SAME_BASE = /\b(samma bas\w*|same base\w*|oforandrad bas\w*|unchanged base\w*)\b/;
/** "samma fördelning", "samma andelar", "oförändrade proportioner", "the same split", "same shares": the printed proportions kept. */
const SAME_SPLIT =
  /\b((samma|oforandrad\w*|likadan\w*) (fordelning\w*|andel\w*|proportion\w*|procentsats\w*|inbordes fordelning\w*|uppdelning\w*|fordelningsnyckel\w*)|(same|unchanged) (split|splits|shares?|proportions?|distribution|breakdown|ratios?|percentages?)|(proportionerna|andelarna|fordelningen) (ar |var |blir )?(densamma|desamma|oforandrad\w*|kvar)|in (the same )?proportion|proportionellt|proportionally|pro rata)\b/;
/** "med samma nyckel", "samma princip", "split the same way": the key kept, whatever the pot. */
const SAME_KEY = /\b((samma|oforandrad\w*) (nyckel\w*|princip\w*|satt|vis)|(same|unchanged) (key|principle|way))\b/;
/** Before an amount, in its clause: "resten för samverkan vore", "the suicide prevention remainder were": the amount is the rest. */
const REST_CLAUSE = /\b(resten|rest|resterande|aterstoden|remainder|remaining|the rest)\b(?![a-z ]*\b(som nu|som idag|som i dag|oforandra\w*|unchanged|as now|as before|the same)\b)[a-z ]*$/;
/** After a number without a unit: the end of a clause or a joining word, so the number is the amount the clause is about. */
const AFTER_BARE = /^\s*($|[,.?!;:)]|(i stallet|istallet|instead|rather|hur|vad|what|how|med|with|och|and|men|but|sa|then|da|for|to|till|totalt|in total|i stallet for)\b)/;
/** "vore ett storstadslän", "hade räknats som storstadslän", "were counted as a metropolitan county": the words of the category. */
const CATEGORY =
  /\b(?:(?:vore|var|blev|blir|were|was|became|would be)\s+(?:ett|en|a|an|one of the)|(?:raknats|raknades|raknas|raknades|klassats|klassades|klassas|betraktats|betraktades|behandlats|behandlades|setts|sags|varit|ingatt|ingick)\s+som(?:\s+(?:ett|en))?|(?:counted|treated|classified|classed|considered|regarded|seen)\s+as(?:\s+(?:a|an|one of the))?)\s+([a-z]+)/;
/** English category words and the Swedish words the documents use for them. */
const CATEGORY_WORDS: Record<string, string> = { metropolitan: 'storstad', 'big-city': 'storstad', urban: 'storstad' };

/**
 * Every amount in kronor the text writes, in order. With `bare`, a number grouped in thousands
 * without a unit ("blev 700 000, hur …", "500,000 instead of 200,000") is one too, when nothing
 * after it names what it counts.
 */
export function amountsInText(text: string, lang: Lang, options: { bare?: boolean } = {}): QuestionAmount[] {
  const normal = normalise(text);
  const folded = foldKeepingLength(normal);
  const found: QuestionAmount[] = [];
  for (const match of normal.matchAll(AMOUNT)) {
    const groups = match.groups ?? {};
    const number = groups.number!;
    const scaleWord = groups.scale ?? groups.attached;
    const money = groups.prefix !== undefined || groups.currency !== undefined || scaleWord !== undefined;
    const index = match.index;
    const end = index + match[0].length;
    const grouped = /^\d{1,3}([ ,]\d{3})+$/.test(number);
    if (!money && !(options.bare && grouped && AFTER_BARE.test(normal.slice(end, end + 20).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')))) continue;
    // "25m" is millions only as a unit of its own: "25 m2" or "25 min" are not amounts.
    const amount = readNumber(number, scaleWord, lang);
    if (!amount || (!money && amount.lessThan(1000))) continue;
    const before = folded.slice(Math.max(0, index - 60), index);
    const after = folded.slice(end, end + 40);
    const clause = before.slice(Math.max(before.search(/\b(om|if|anta|suppose)\b(?![^]*\b(om|if)\b)/), 0));
    const perAfter = PER_RECIPIENT_AFTER.exec(after);
    const perBefore = PER_RECIPIENT_BEFORE.exec(before);
    const per = perAfter ?? perBefore;
    const perKind = per ? KIND_WORDS.find(([, pattern]) => pattern.test(per[0]))?.[0] : undefined;
    const category = per ? CATEGORY_BEFORE.exec(before)?.[1] : undefined;
    found.push({
      amount,
      text: match[0].trim(),
      index,
      ...(category ? { category: 'storstad' } : {}),
      perRecipient: per !== null || (BASE_BEFORE.test(before) && !REST_BEFORE.test(before)),
      replaced: REPLACED_BEFORE.test(before),
      ...(perKind ? { perKind } : {}),
      ...(REST_CLAUSE.test(clause.replace(/\s+/g, ' ')) ? { rest: true } : {}),
    });
  }
  return found;
}

/**
 * The last questions' hypotheticals: one question is read by several stages (understanding, the
 * scenario, the what-if, the calculation), and the reading depends on the text alone. Frozen, so that
 * no stage can change what another reads.
 */
const recentlyRead = new Map<string, Readonly<Hypothetical>>();
const RECENT = 8;

/** The hypothetical of a question: what is new, what is per recipient, what is counted. */
export function readHypothetical(text: string, lang: Lang): Readonly<Hypothetical> {
  const key = `${lang}\u0000${text}`;
  const known = recentlyRead.get(key);
  if (known) return known;
  const read = Object.freeze(readAfresh(text, lang));
  if (recentlyRead.size >= RECENT) recentlyRead.delete(recentlyRead.keys().next().value!);
  recentlyRead.set(key, read);
  return read;
}

function readAfresh(text: string, lang: Lang): Hypothetical {
  const amounts = amountsInText(text, lang, { bare: true });
  const pot = amounts.find((amount) => !amount.perRecipient && !amount.replaced);
  const base = amounts.find((amount) => amount.perRecipient && !amount.replaced && !amount.category);
  const categoryBase = amounts.find((amount) => amount.perRecipient && !amount.replaced && amount.category);
  const replaced = amounts.find((amount) => amount.replaced);
  const folded = foldText(text);
  const count = countIn(text, amounts);
  const category = CATEGORY.exec(folded)?.[1]?.split(' ').map((word) => CATEGORY_WORDS[word] ?? word);
  // A per-recipient amount says it best; otherwise the first kind of recipient the words name.
  const recipients = base?.perKind ?? KIND_WORDS.map(([kind, pattern]) => ({ kind, at: folded.search(pattern) })).filter(({ at }) => at >= 0).sort((a, b) => a.at - b.at)[0]?.kind;
  return {
    amounts,
    ...(pot ? { pot } : {}),
    ...(base ? { base } : {}),
    ...(categoryBase ? { categoryBase } : {}),
    ...(replaced ? { replaced } : {}),
    ...(count ? { count } : {}),
    ...(category ? { category } : {}),
    sameBase: SAME_BASE.test(folded),
    ...(recipients ? { recipients } : {}),
    sameSplit: SAME_SPLIT.test(folded),
    sameKey: SAME_KEY.test(folded),
  };
}

/** A whole number of things that is not an amount or a year: "8 mottagningar", "tio instruktörer". */
function countIn(text: string, amounts: readonly QuestionAmount[]): QuestionCount | undefined {
  const normal = normalise(text);
  const taken = amounts.map((amount) => [amount.index, amount.index + amount.text.length] as const);
  const folded = foldKeepingLength(normal);
  for (const match of folded.matchAll(/\b(\d+|[a-z]+)\s+([a-z]+)(?:\s+([a-z]+))?/g)) {
    const [, number, first, second] = match;
    if (taken.some(([from, to]) => match.index >= from && match.index < to)) continue;
    const count = /^\d+$/.test(number!) ? Number(number) : NUMBER_WORDS[number!];
    if (count === undefined || !Number.isSafeInteger(count) || count === 0) continue;
    // "250 000 per mottagning": the last group of a number grouped in thousands is no count of its own.
    if (/^\d{3}$/.test(number!) && /\d[ \u00a0]$/.test(folded.slice(Math.max(0, match.index - 2), match.index))) continue;
    // A year ("2020"), a percentage, a scale word or a currency is not a count of things.
    if (/^\d+$/.test(number!) && /^(19|20)\d\d$/.test(number!)) continue;
    if (/^\s*%/.test(normal.slice(match.index + number!.length))) continue;
    if (/^(procent|percent|ar|years?|manader|months?|kr|kronor|sek|mkr|msek|miljoner|miljon|million|millions|tkr|tusen|thousand|gang|times)$/.test(first!)) continue;
    if (count > 100_000) continue;
    return { count, words: [first!, ...(second ? [second] : [])], text: match[0] };
  }
  return undefined;
}

/** Kronor from a number and its scale word, exactly; undefined when the number is not one. */
function readNumber(number: string, scaleWord: string | undefined, lang: Lang): Decimal | undefined {
  const scale = scaleWord === undefined ? 0 : (SCALES.find(([pattern]) => pattern.test(scaleWord.replace(/\.$/, '')))?.[1] ?? 0);
  let plain: string;
  if (number.includes(' ')) plain = number.replace(/ /g, '').replace(',', '.');
  else if (number.includes(',') && number.includes('.')) plain = number.replace(/,/g, '');
  else if (/^\d{1,3}(,\d{3})+$/.test(number) && (lang === 'en' || number.split(',').length > 2) && scale === 0) plain = number.replace(/,/g, '');
  else plain = number.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(plain)) return undefined;
  const amount = new Decimal(`${plain}e${scale}`);
  return amount.decimalPlaces() > 2 ? undefined : amount;
}

/** A change of an amount by a factor: "20 % mer", "ökade med 5 %", "cut by 25 %", "dubbelt så mycket", "halved". */
export interface QuestionChange {
  /** What the amount is multiplied by: 1,2 for "20 % mer", 0,75 for "25 % mindre", 2 for "dubbelt". */
  factor: Decimal;
  /** The percentage said, signed (20, −25), or undefined for "dubbelt", "halverat". */
  percent?: Decimal;
}

const PERCENT_NUMBER = String.raw`(\d+(?:[.,]\d+)?)\s*(?:%|procent|percent)`;
const UP_AFTER = new RegExp(`${PERCENT_NUMBER}\\s*(mer|mera|hogre|storre|okning|extra|more|higher|larger|bigger|increase|up)\\b`);
const DOWN_AFTER = new RegExp(`${PERCENT_NUMBER}\\s*(mindre|lagre|minskning|less|lower|smaller|decrease|down)\\b`);
const UP_BEFORE = new RegExp(String.raw`\b(okade|okar|okat|okats|okas|hojdes|hojs|hojt|hojts|hojer|hojde|hojas|steg|stiger|vaxte|vaxer|grew|grow|grows|increased|increase|rose|rises|raised|went up|goes up)\b[^.?!]*?\b(med|by)\s+${PERCENT_NUMBER}`);
/** "om Falun skulle avstå 10 % av sin del", "if Falun gave up 10 %": the rest, what is left after the part given up. */
const GIVE_UP = new RegExp(String.raw`\b(avsta|avstar|avstod|avstatt|lamna ifran|ge upp|ger upp|gav upp|give up|gives up|gave up|forgo|forgoes|forwent|skanka|skanker|skankte|avsatta)\b[^.?!]*?\b${PERCENT_NUMBER}`);
const DOWN_BEFORE = new RegExp(String.raw`\b(minskade|minskar|minskat|minskats|minskas|sanktes|sanks|sankt|sankts|sankas|sjonk|sjunker|skars|skurits|drogs|cut|cuts|reduced|reduce|decreased|decrease|fell|falls|lowered|dropped|went down|goes down)\b[^.?!]*?\b(med|by)\s+${PERCENT_NUMBER}`);
const MULTIPLES: [RegExp, number][] = [
  [/\b(dubbelt|dubbla|dubblats|dubblades|dubblerats?|fordubbl\w*|doubled?|twice)\b/, 2],
  [/\b(tredubbl\w*|tripled?|three times)\b/, 3],
  [/\b(halverad\w*|halverat|halverades|halveras|halften sa|halved|half as)\b/, 0.5],
];

/** The change the question makes to an amount, if it makes one by a percentage or a multiple. */
export function readChange(text: string): QuestionChange | undefined {
  const folded = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const signed = (match: RegExpExecArray | null, index: number, sign: 1 | -1) => (match ? new Decimal(match[index]!.replace(',', '.')).times(sign) : undefined);
  const percent = signed(UP_BEFORE.exec(folded), 3, 1) ?? signed(DOWN_BEFORE.exec(folded), 3, -1) ?? signed(GIVE_UP.exec(folded), 2, -1) ?? signed(UP_AFTER.exec(folded), 1, 1) ?? signed(DOWN_AFTER.exec(folded), 1, -1);
  if (percent) return percent.lte(-100) ? undefined : { factor: percent.div(100).plus(1), percent };
  const multiple = MULTIPLES.find(([pattern]) => pattern.test(folded));
  return multiple ? { factor: new Decimal(multiple[1]) } : undefined;
}

/** One space for any run of spaces, no-break spaces included; the text otherwise as written. */
function normalise(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ');
}

/** Lower case without diacritics, one character for each of the text's (so indexes carry over). */
function foldKeepingLength(text: string): string {
  return [...text]
    .map((char) => {
      const folded = char.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return folded.length === 1 && /[a-z0-9 ]/.test(folded) ? folded : folded.length === 1 && /\d/.test(folded) ? folded : ' ';
    })
    .join('');
}

/** "Say the pot were …", "anta att …", "antag …": words that set up terms the documents do not have. */
const SUPPOSE = /\b(say|suppose|supposing|assume|assuming|imagine|hypothetically|anta|antag|antar|antagande|tank om|tank dig|lat oss saga)\b/;
/** "om/if" before a change: "om kommunernas medel höjts med 10 %", "if the money rose by 5 %". */
const CONDITIONAL_CHANGE = /\b(om|if|ifall)\b/;

/**
 * Whether the question poses a hypothetical in its own words, whatever else it reads as: terms to
 * suppose ("say the pot were 250 Mkr"), a pot with a base per recipient ("300 mkr nationellt, 5 mkr per
 * län"), amounts for each recipient ("each county got 1.5 Mkr"), or a change after "om"/"if".
 */
export function posesHypothetical(text: string, lang: Lang): boolean {
  const folded = foldText(text);
  const h = readHypothetical(text, lang);
  if ((h.pot || h.base) && SUPPOSE.test(folded)) return true;
  if (h.pot && h.base) return true;
  // "Med 8 miljoner totalt till kommunerna och samma andelar som 2020, vad får Leksand?": a pot and the key kept.
  if (h.pot && /^(med|with) /.test(folded) && (h.sameSplit || h.sameKey)) return true;
  if (h.base && h.categoryBase) return true;
  return CONDITIONAL_CHANGE.test(folded) && readChange(text) !== undefined;
}
