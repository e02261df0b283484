// One language per answer: an English question gets English throughout (title, text, rows, notes,
// suggestions), with the documents' Swedish only inside a marked quote or as a proper name; a Swedish
// question gets no English sentence of the bot's own.
import { describe, expect, it } from 'vitest';
import type { Reply, ReplyKind } from '../../src/brain/reply.js';
import { splitPassages } from '../../src/knowledge/passages.js';
import { loadSweden } from '../../src/knowledge/sweden.js';
import { brain, store } from './ask.js';

/** One question of every answer kind, in English and in Swedish. */
const QUESTIONS: [what: string, kind: ReplyKind, en: string, sv: string][] = [
  ['amount of a municipality', 'amount', 'How much does Mora get?', 'Hur mycket får Mora?'],
  ['amount of a county', 'amount', 'How much does Skåne get in total?', 'Hur mycket får Skåne totalt?'],
  ['amount of a sub-region', 'amount', 'What does Nordost get?', 'Vad får Nordost?'],
  ['amount of a fund', 'amount', 'How much does Jämtland get for suicide prevention in 2020?', 'Hur mycket får Jämtland för suicidprevention 2020?'],
  ['amount of a named item', 'amount', 'How much goes to naloxone?', 'Hur mycket går till naloxon?'],
  ['ranking', 'list', 'Which municipalities get the most?', 'Vilka kommuner får mest?'],
  ['list of places', 'list', 'All sub-regions in Skåne', 'Alla delregioner i Skåne'],
  ['sum over places', 'amount', 'How much do the municipalities in Dalarna get in total?', 'Hur mycket får kommunerna i Dalarna totalt?'],
  ['calculation: two places added', 'amount', 'How much do Leksand and Rättvik get together?', 'Hur mycket får Leksand och Rättvik tillsammans?'],
  ['calculation: difference', 'list', 'What is the difference between Falun and Mora?', 'Vad är skillnaden mellan Falun och Mora?'],
  ['deadline list', 'deadline', 'What deadlines are coming up?', 'Vilka deadlines är på gång?'],
  ['invoicing deadline', 'deadline', 'When should the invoice be sent?', 'När ska fakturan skickas?'],
  ['invoicing deadline of a county', 'deadline', 'When must Skåne invoice?', 'När ska Skåne fakturera?'],
  ['final report', 'deadline', 'When is the final report due for Dalarna 2020?', 'När ska slutredovisningen in för Dalarna 2020?'],
  ['dated statement', 'deadline', 'When did Länschefsnätverket take its decemberbeslut?', 'När fattade Länschefsnätverket decemberbeslutet?'],
  ['dated statement with an actor', 'deadline', 'Until when do the measures of the December decision run?', 'Till när ska insatserna i decemberbeslutet drivas?'],
  ['invoice field', 'invoice', 'Which reference code goes on the invoice?', 'Vilken referenskod ska stå på fakturan?'],
  ['invoice field of a county', 'invoice', "What's the reference code for invoices in Skåne?", 'Vilken referenskod gäller för fakturor i Skåne?'],
  ['invoice heading', 'invoice', 'What heading goes on the invoice?', 'Vilken rubrik ska fakturan ha?'],
  ['invoice payment terms', 'invoice', 'What are the payment terms?', 'Vilka betalningsvillkor gäller?'],
  ['invoice requirements', 'invoice', 'What must be on the invoice?', 'Vad ska stå på fakturan?'],
  ['all invoice details', 'invoice', 'Invoice details for Skåne 2023', 'Fakturauppgifter för Skåne 2023'],
  ['requisition', 'invoice', 'Who requisitions the funds in Jämtland?', 'Vem rekvirerar medlen i Jämtland?'],
  ['invoice detail the documents lack', 'unknown', "What is Skåne's bank giro number?", 'Vilket bankgiro har Skåne?'],
  ['contact', 'contact', 'Who is the contact person in Jämtland?', 'Vem är kontaktperson i Jämtland?'],
  ['contact of a sub-region', 'contact', 'Contact for Sydost', 'Kontakt för Sydost'],
  ['contact for a unit', 'contact', 'contact person for psychiatry in Skåne', 'kontaktperson för psykiatrin i Skåne'],
  ['distribution key', 'key', 'How is the money split between the sub-regions in Skåne?', 'Hur fördelas pengarna mellan delregionerna i Skåne?'],
  ['distribution key of a national pot', 'key', 'What is the distribution key for suicide prevention in Jämtland?', 'Vilken fördelningsnyckel gäller för suicidprevention i Jämtland?'],
  ['distribution key by population', 'key', 'How are the 2020 comorbidity funds distributed?', 'Hur fördelas samsjuklighetsmedlen 2020?'],
  ['distribution key by age group', 'key', 'distribution key for youth clinics', 'fördelningsnyckel för ungdomsmottagningar'],
  ['calculation of an amount', 'key', 'How was the amount for Mora in 2020 calculated?', 'Hur räknades beloppet för Mora 2020 ut?'],
  ['explanation', 'passage', 'What is BISAM?', 'Vad är BISAM?'],
  ['passage about a rule', 'passage', 'Can we use the Skåne money for ongoing work?', 'Får vi använda medlen till pågående arbeten i Skåne?'],
  ['what the documents cover', 'list', 'what counties do you have data for?', 'vilka län har du data för?'],
  ['help', 'help', 'help', 'hjälp'],
  ['greeting', 'greeting', 'hello', 'hej'],
  ['subscription', 'subscription', 'Subscribe to reminders for Skåne', 'Prenumerera på påminnelser för Skåne'],
  ['my subscriptions', 'subscription', 'my subscriptions', 'mina prenumerationer'],
  ['unsubscribe', 'subscription', 'Unsubscribe from Skåne', 'Avsluta prenumerationen för Skåne'],
  ['not in the documents', 'unknown', "What's the weather tomorrow?", 'Hur blir vädret i morgon?'],
  ['a county the documents do not cover', 'unknown', 'How much does Värmland get?', 'Hur mycket får Värmland?'],
  ['a request to act', 'unknown', 'Book a meeting with Emelie Sundén', 'Boka ett möte med Emelie Sundén'],
  ['clarify a place', 'clarify', 'Who is the contact person?', 'Vem är kontaktperson?'],
  ['a place with several years: the latest', 'amount', 'How much does Dalarna get?', 'Hur mycket får Dalarna?'],
];

/** Swedish function words and the bot's own Swedish vocabulary: none is an English word. */
const SWEDISH = new Set(
  `och att för med ska skall till som av på den det de är inte eller från om inom samt också har hade kan vid efter enligt mellan genom
  vilka vilken vilket hur när alla får fick ett en denna detta dessa sig sina sin vara blir bli hos utan över utifrån även där här
  vad vem ingen inga någon något några jag du vi ni hittar finns gäller avser kommun kommuner kommunen kommunerna medel medlen
  belopp beloppet faktura fakturan fakturera fakturering länet delregion delregioner delregionerna beräkning källa citat
  dokumentet dokumenten rubrik rubriken referenskod kostnadsställe betalningsvillkor fakturaadress fakturakanal faktureringsperiod
  krav deltagare användas används insatser invånare folkmängd tjänst anställning aktiviteter exempel`.split(/\s+/),
);

/** English function words and the bot's own English vocabulary: none is a Swedish word. */
const ENGLISH = new Set(
  `the and of to is are was for with from this that which has have not could find found there their they what when who how much
  many does get gets amount amounts municipality municipalities county document documents source quote invoice
  reference code details please try example show calculation about only`.split(/\s+/),
);

/** Proper names, as the store and the register of Sweden's places print them: never a language fault. */
const sweden = loadSweden();
const NAMES = [
  ...store.knowledge.places.flatMap((place) => [place.name, ...place.aliases]),
  ...sweden.counties.flatMap((county) => [county.name, county.short]),
  ...sweden.municipalities.map((municipality) => municipality.name),
  ...store.knowledge.funds.flatMap((fund) => [fund.name.sv]),
  ...store.knowledge.documents.map((document) => document.title),
  ...[
    ...store.knowledge.amounts,
    ...store.knowledge.keys,
    ...store.knowledge.deadlines,
    ...store.knowledge.contacts,
    ...store.knowledge.focusAreas,
    ...store.knowledge.figures,
    ...store.knowledge.invoicing.flatMap((entry) => entry.fields),
  ].map((fact) => fact.source.section),
  ...store.knowledge.tables.flatMap((table) => [table.section, table.title, ...table.columns.map((column) => column.label)]),
  ...store.knowledge.contacts.flatMap((contact) => [contact.name, contact.organisation, contact.group, contact.represents]),
  ...store.knowledge.amounts.map((fact) => fact.label),
  ...store.knowledge.focusAreas.map((area) => area.title),
  // The documents' headings, as a quoted passage's title shows them.
  ...store.knowledge.documents.flatMap((document) => splitPassages(document, store.knowledge.texts[document.file] ?? '').map((passage) => passage.section)),
]
  .filter((name): name is string => typeof name === 'string' && name.length > 1)
  .sort((a, b) => b.length - a.length);

/**
 * An English text's quotes that say they are quotes ("Quote (in Swedish): “…”", "In the document's
 * words (Swedish): “…”", "printed “…”"): the words before the opening mark, in the same clause, say so.
 */
const QUOTE_INTRO = /(quote[ds]?|quoting|swedish|document[’']?s words|the document (says|states|reads)|printed)[^.;“”]*$/i;

function withoutMarkedQuotes(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const open = rest.search(/[“”]/);
    if (open < 0) return out + rest;
    const close = rest.indexOf('”', open + 1);
    if (close < 0) return out + rest;
    const before = rest.slice(0, open);
    out += QUOTE_INTRO.test(out + before) ? `${before} ◊ ` : rest.slice(0, close + 1);
    rest = rest.slice(close + 1);
  }
}

/** A reply's source line ("Source: <title> (<origin>), <section>.") names documents and their headings only. */
function withoutNames(text: string): string {
  let rest = text.replace(/\b(Sources?|Källa|Källor): .*$/s, ' ◊ ');
  for (const name of NAMES) rest = rest.split(name).join(' ◊ ');
  return rest;
}

/** What a person sees of a reply, each part on its own: a row is its label with its value. */
function shownParts(reply: Reply): string[] {
  return [
    reply.title,
    reply.text,
    reply.figure ?? '',
    ...reply.rows.flatMap((row) => [`${row.label}: ${row.value}`, row.note ?? '']),
    ...reply.notes,
    ...reply.derivation,
    ...reply.known,
    ...reply.suggestions.flatMap((suggestion) => [suggestion.title, suggestion.question]),
  ]
    .filter((part) => part !== '')
    .map((part) => part.replace(/[\u00a0\u202f]/g, ' '));
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
}

/** The parts of an English reply with a Swedish word outside marked quotes and names, with the words. */
function swedishIn(reply: Reply): string[] {
  return shownParts(reply).flatMap((part) => {
    const found = wordsOf(withoutNames(withoutMarkedQuotes(part))).filter((word) => SWEDISH.has(word));
    return found.length > 0 ? [`[${[...new Set(found)].join(', ')}] ${part}`] : [];
  });
}

/** The parts of a Swedish reply with an English sentence of the bot's own: two English words outside quotes and names. */
function englishIn(reply: Reply): string[] {
  return shownParts(reply).flatMap((part) => {
    const found = wordsOf(withoutNames(part.replace(/[“”][^“”]*”/g, ' ◊ '))).filter((word) => ENGLISH.has(word));
    return new Set(found).size >= 2 ? [`[${[...new Set(found)].join(', ')}] ${part}`] : [];
  });
}

describe('the detector itself', () => {
  it('finds the document’s Swedish outside quotes, and not inside a marked one', () => {
    expect(wordsOf(withoutMarkedQuotes('Invoicing: Fakturera Skånes Kommuner med referenskod 854877.')).some((word) => SWEDISH.has(word))).toBe(true);
    expect(wordsOf(withoutMarkedQuotes('In the document’s words (Swedish): ”Fakturera med referenskod 854877.”')).some((word) => SWEDISH.has(word))).toBe(false);
    expect(wordsOf(withoutMarkedQuotes('Quote (in Swedish): “Medlen ska användas under 2023”')).some((word) => SWEDISH.has(word))).toBe(false);
    expect(wordsOf(withoutMarkedQuotes('The heading is “Överenskommelse om insatser”.')).some((word) => SWEDISH.has(word))).toBe(true);
  });
});

describe('an English question is answered in English', () => {
  it.each(QUESTIONS)('%s (%s): “%s”', (_what, kind, question) => {
    const reply = brain.answer(question, {}).reply;
    expect({ kind: reply.kind, lang: reply.lang }).toEqual({ kind, lang: 'en' });
    expect(swedishIn(reply)).toEqual([]);
  });
});

describe('a Swedish question is answered in Swedish', () => {
  it.each(QUESTIONS)('%s (%s): “%s” / “%s”', (_what, kind, _english, question) => {
    const reply = brain.answer(question, {}).reply;
    expect({ kind: reply.kind, lang: reply.lang }).toEqual({ kind, lang: 'sv' });
    expect(englishIn(reply)).toEqual([]);
  });
});
