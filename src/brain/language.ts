// Which language to answer in: the question's own words first, then the Teams locale, Swedish by default.
import { words } from '../text/normalize.js';
import type { Lang } from './format.js';

const SWEDISH = new Set(
  'hur mycket mkt far fick vad nar vilken vilka vilket vem och ar att ska skall kan finns till for med om pa det den som jag vi mina min kommun kommunen kommuner lan belopp pengar medel faktura fakturan fakturera sista hjalp hej tack datum referenskod kostnadsstallet kostnadsstalle manga mest minst alla visa berakning kalla inom fordelas fordelning fordelningsnyckel varfor hur mkt nagon nagot eller samt redovisa redovisning slutredovisning lagesrapport summan totalt rapport brukarmedverkan suicidprevention samsjuklighet ungdomsmottagningar ungdomsmottagning stimulansmedel delregion delregioner fakturering betalningsvillkor kontaktperson fokusomraden tillsammans jamfor jamfort jamforelse skillnad skillnaden andel andelen procent fordelat fordelas fakturor fakturan rekvirera rekvirering ansvarig ansvarar kontakt kontakter syfte anvands anvanda insatser omrade omraden beslut beslutade senast nasta aret sammanlagt ungefar varje'.split(' '),
);
const ENGLISH = new Set(
  'how much does do did get got what when which who whom is are was were the and of for to in on with show me my municipality municipalities county amount amounts money funds invoice invoicing deadline deadlines reference code cost centre center help hello hi thanks please can you list most least all calculated computed distribution key contact focus area areas activities report due date year much many where why whats payment terms address youth clinics clinic comorbidity participation user users suicide prevention big total inhabitants have has does live from subscribe unsubscribe subscription subscriptions reminder reminders remind notify stop details heading must should allocation allocations allocated funding funded fund grant grants share percent percentage compare compared versus difference between receive receives received gets budget sum combined together each split spent spend spending purpose used use about tell give next last latest deadline due send sent requisition requisitions responsible whom'.split(' '),
);

export function detectLanguage(text: string): Lang | undefined {
  // Place names carry å, ä and ö in English questions too, so they only tip the balance.
  let sv = /[åäö]/i.test(text) ? 0.5 : 0;
  let en = 0;
  for (const word of words(text)) {
    if (SWEDISH.has(word)) sv++;
    if (ENGLISH.has(word)) en++;
  }
  if (sv === en) return undefined;
  return sv > en ? 'sv' : 'en';
}

/** English for an English locale ("en-US", "en-GB"), Swedish for anything else. */
export function langOfLocale(locale: string | undefined): Lang {
  return locale && /^en\b/i.test(locale) ? 'en' : 'sv';
}

/** The question's language, else the previous turn's, else the locale's, else Swedish. */
export function chooseLanguage(text: string, previous: Lang | undefined, locale: string | undefined): Lang {
  const detected = detectLanguage(text);
  if (detected) return detected;
  if (previous) return previous;
  return langOfLocale(locale);
}

/**
 * Swedish function words that English does not use, folded: a text with one of them (or with one of
 * the words below) is Swedish, the documents' words rather than a number, a name or an address.
 */
const SWEDISH_FUNCTION_WORDS = new Set('och att av med som ska skall om inom de den det ett en vid samt eller inte har hade kan enligt mellan genom sig sina blir bli vara'.split(' '));

/** "för", "på", "är" with their diacritics, which fold into English-looking words. */
const SWEDISH_WITH_DIACRITICS = /(?<![\p{L}])(för|på|är|från|också|även|över|utifrån)(?![\p{L}])/iu;

export function isSwedishText(text: string): boolean {
  return SWEDISH_WITH_DIACRITICS.test(text) || words(text).some((word) => SWEDISH_FUNCTION_WORDS.has(word));
}

/** The documents' Swedish inside an English answer: in quotation marks, any quotation inside it in single ones. */
export function quoteSwedish(text: string): string {
  return `“${text.replace(/[”“]([^”“]*)”/g, '‘$1’')}”`;
}

/**
 * The documents' words as an English answer shows them: Swedish text quoted after "in the document's
 * words (Swedish):"; a number, a name or an address as it is. A Swedish answer shows them as they are.
 */
export function documentWords(text: string, lang: Lang, intro = "in the document's words (Swedish): "): string {
  return lang === 'en' && isSwedishText(text) ? `${intro}${quoteSwedish(text)}` : text;
}
