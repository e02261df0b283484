// Questions about people: a role in a group, who represents whom, who took over from whom, a named
// person's detail, a group's members. Every expected name and e-mail is the documents' own text (each
// is checked to be printed in its document before it is looked for in the reply); a detail the
// documents lack, or a person they do not name, is said to be missing and no other field is shown.
import { describe, expect, it } from 'vitest';
import { cleanQuote } from '../../src/text/normalize.js';
import { converse, store, visible } from './ask.js';

const DALARNA_2018 = '004_bf76aafa1196d6da.txt';
const JAMTLAND_2020 = '002_095eae0b221900fb.txt';
const SKANE_2023 = '003_200551ed2178d4fe.txt';

/** The document's text as a reader sees it (line breaks and residue cleaned). */
const text = (file: string) => cleanQuote(store.knowledge.texts[file]!);

/** Words printed in the document: an expectation taken from the text, never from the code under test. */
function printed(file: string, ...words: string[]): string[] {
  for (const word of words) expect(text(file), `"${word}" is printed in ${file}`).toContain(word);
  return words;
}

// Skåne 2023, "Regional Samverkansgrupp Psykiatri": "Sammankallande; Emelie Sundén, Skånes Kommuner
// Bim Soerich, Region Skåne, Avdelningen för hälso-och sjukvårdsstyrning"; "För brukarföreningarna;
// Michelle Nilsson michelle@nsphskane.se Per Torell per.torell@gmail.com".
const CONVENORS = () => printed(SKANE_2023, 'Emelie Sundén', 'Bim Soerich');
const USER_ORGANISATIONS = () => printed(SKANE_2023, 'Michelle Nilsson', 'Per Torell');
const USER_ORGANISATION_MAILS = () => printed(SKANE_2023, 'michelle@nsphskane.se', 'per.torell@gmail.com');
/** Every e-mail address the group's list prints, from "Deltagare i Regional Samverkansgrupp Psykiatri är;" to "Faktureringsinformation". */
const MEMBER_MAILS = () => {
  const all = text(SKANE_2023);
  const list = all.slice(all.indexOf('Deltagare i Regional Samverkansgrupp Psykiatri är;'), all.indexOf('Faktureringsinformation'));
  return [...list.matchAll(/[\w.-]+@[\w.-]+\.se|[\w.-]+@gmail\.com/g)].map((match) => match[0]);
};
// Dalarna 2018, 2.2: "chefsnätverket utsett landstingets divisionschef Psykiatri (Per Söderberg) och
// Socialchef i Borlänge kommun (Tomas Ahlin) som koordinatorer för uppdraget."
const COORDINATORS = () => printed(DALARNA_2018, 'Per Söderberg', 'Tomas Ahlin', 'som koordinatorer för uppdraget');
// Dalarna 2018, 3.1: "Lisa Ask i överlämnandet av samordningsansvaret till Jessica Pedersen, Rättviks kommun."
const HANDOVER = () => printed(DALARNA_2018, 'Lisa Ask i överlämnandet av samordningsansvaret till Jessica Pedersen');
// Jämtland 2020: "Samordnarna Jan Persson och Elin Ring samordnar återrapporteringen." (no e-mail, no phone)
const JAMTLAND_COORDINATORS = () => printed(JAMTLAND_2020, 'Jan Persson', 'Elin Ring');

/** What an answer about a person must never show instead: the invoice fields and the bot's region question. */
const INVOICE_FIELDS = ['Gasverksgatan', '7368376009106', '854877', 'Inexchange', 'Fakturaadress', 'Invoice address'];
const REGION_QUESTION = ['Vilken region', 'Which region'];
/** A telephone number in any Swedish form: no reply may show one, the documents print none. */
const PHONE = /(\+46|\b0)\d{1,3}[- ]?\d{2,3}[ -]?\d{2}[ -]?\d{2}\b/;

interface Case {
  say: string[];
  kind: 'contact' | 'unknown' | 'clarify';
  lang: 'sv' | 'en';
  includes: () => string[];
  excludes?: () => string[];
}

const roleInGroup: [string, Case][] = [
  ['the convenors of a group named', { say: ['vem är sammankallande i Regional Samverkansgrupp Psykiatri?'], kind: 'contact', lang: 'sv', includes: CONVENORS, excludes: () => [...MEMBER_MAILS(), ...REGION_QUESTION] }],
  ['the convenors in English', { say: ['Who is the convenor of the regional psychiatry collaboration group?'], kind: 'contact', lang: 'en', includes: CONVENORS, excludes: () => [...MEMBER_MAILS(), ...REGION_QUESTION] }],
  ['the convenors by role alone: one group has them', { say: ['vem är sammankallande?'], kind: 'contact', lang: 'sv', includes: CONVENORS, excludes: () => REGION_QUESTION }],
  ['the convenors after an amount question about another county', { say: ['Hur mycket får Mora?', 'vem är sammankallande i Regional Samverkansgrupp Psykiatri?'], kind: 'contact', lang: 'sv', includes: CONVENORS, excludes: () => REGION_QUESTION }],
  ['the coordinators of an assignment, not a dated statement', { say: ['Vilka är koordinatorer för analysuppdraget i Dalarna 2018?'], kind: 'contact', lang: 'sv', includes: () => COORDINATORS().slice(0, 2), excludes: () => ['Jessica Pedersen', 'januari 2018', 'Elin Ring'] }],
  ['the coordinators in English', { say: ['Who were the coordinators of the analysis assignment in Dalarna in 2018?'], kind: 'contact', lang: 'en', includes: () => COORDINATORS().slice(0, 2), excludes: () => ['Elin Ring', 'Jan Persson'] }],
  ['the user organisations’ representatives’ e-mail, not the invoice address', { say: ['Mejladress till brukarföreningarnas representanter i Skåne?'], kind: 'contact', lang: 'sv', includes: USER_ORGANISATION_MAILS, excludes: () => [...INVOICE_FIELDS, 'carola.teirfolk@simrishamn.se'] }],
  ['who represents the user organisations', { say: ['who represents the user organisations?'], kind: 'contact', lang: 'en', includes: () => [...USER_ORGANISATIONS(), ...USER_ORGANISATION_MAILS()], excludes: () => ['carola.teirfolk@simrishamn.se', ...INVOICE_FIELDS] }],
  ['the development leads of one regional group', { say: ['Vem leder RUG Äldre?'], kind: 'contact', lang: 'sv', includes: () => printed(DALARNA_2018, 'Marit Raninen Lundin', 'Katarina Johansson'), excludes: () => ['Lisa Ask', 'Britta Johnsson'] }],
  ['no chair in the group: said so, with its convenors', { say: ['Vem är ordförande i Regional Samverkansgrupp Psykiatri?'], kind: 'unknown', lang: 'sv', includes: () => ['Jag hittar inte', 'ordförande', ...CONVENORS()], excludes: () => [...INVOICE_FIELDS, ...MEMBER_MAILS()] }],
  ['a role in several counties: which one', { say: ['vem är samordnare?'], kind: 'clarify', lang: 'sv', includes: () => ['Dalarna', 'Jämtland'] }],
];

const takeovers: [string, Case][] = [
  ['who took over from a person named', { say: ['Vem tog över samordningsansvaret efter Lisa Ask 2018?'], kind: 'contact', lang: 'sv', includes: () => (HANDOVER(), ['Jessica Pedersen']), excludes: () => REGION_QUESTION }],
  ['who replaced a person, in English', { say: ['Who replaced Lisa Ask?'], kind: 'contact', lang: 'en', includes: () => (HANDOVER(), ['Jessica Pedersen']) }],
  ['whom a person took over from', { say: ['Vem tog Jessica Pedersen över efter?'], kind: 'contact', lang: 'sv', includes: () => (HANDOVER(), ['Lisa Ask']) }],
  ['whom a person replaced, in English', { say: ['Who did Jessica Pedersen replace?'], kind: 'contact', lang: 'en', includes: () => (HANDOVER(), ['Lisa Ask']) }],
  ['a successor the documents do not name', { say: ['Vem ersatte Jessica Pedersen?'], kind: 'unknown', lang: 'sv', includes: () => (HANDOVER(), ['Jag hittar inte', 'Jessica Pedersen']) }],
];

const details: [string, Case][] = [
  ['a person’s e-mail the documents lack, not an invoice address', { say: ["What's Jan Persson's email address?"], kind: 'unknown', lang: 'en', includes: () => ['I could not find', 'e-mail address', JAMTLAND_COORDINATORS()[0]!], excludes: () => [...INVOICE_FIELDS, '@'] }],
  ['a person’s phone the documents lack', { say: ['Vad har Elin Ring för telefonnummer?'], kind: 'unknown', lang: 'sv', includes: () => ['Jag hittar inte', 'telefonnummer', JAMTLAND_COORDINATORS()[1]!], excludes: () => [...INVOICE_FIELDS, '@'] }],
  ['a phone the documents lack, with the e-mail they hold', { say: ['Vad har Michelle Nilsson för telefonnummer?'], kind: 'unknown', lang: 'sv', includes: () => ['Jag hittar inte', 'telefonnummer', USER_ORGANISATIONS()[0]!, USER_ORGANISATION_MAILS()[0]!], excludes: () => [...INVOICE_FIELDS, USER_ORGANISATION_MAILS()[1]!] }],
  ['a phone the documents lack, in English', { say: ["What is Per Torell's phone number?"], kind: 'unknown', lang: 'en', includes: () => ['I could not find', 'phone number', USER_ORGANISATIONS()[1]!, USER_ORGANISATION_MAILS()[1]!], excludes: () => [...INVOICE_FIELDS, USER_ORGANISATION_MAILS()[0]!] }],
  ['a person’s e-mail the documents give', { say: ['Michelle Nilssons mejladress?'], kind: 'contact', lang: 'sv', includes: () => [USER_ORGANISATION_MAILS()[0]!], excludes: () => [...INVOICE_FIELDS, USER_ORGANISATION_MAILS()[1]!] }],
  ['an e-mail by the name in the address: the document gives no name', { say: ['Vad har Carola Teirfolk för e-postadress?'], kind: 'contact', lang: 'sv', includes: () => printed(SKANE_2023, 'carola.teirfolk@simrishamn.se'), excludes: () => [...INVOICE_FIELDS, 'malin.gunnarsson01@trelleborg.se'] }],
  ['a convenor’s e-mail the documents lack', { say: ['Mejladress till Emelie Sundén?'], kind: 'unknown', lang: 'sv', includes: () => ['Jag hittar inte', 'e-postadress', CONVENORS()[0]!], excludes: () => [...INVOICE_FIELDS, '@'] }],
  ['a person’s postal address the documents lack, not the invoice address', { say: ['Vilken adress har Jan Persson?'], kind: 'unknown', lang: 'sv', includes: () => ['Jag hittar inte', 'postadress', JAMTLAND_COORDINATORS()[0]!], excludes: () => [...INVOICE_FIELDS, '@'] }],
  ['a person’s organisation', { say: ['Vilken organisation tillhör Bim Soerich?'], kind: 'contact', lang: 'sv', includes: () => printed(SKANE_2023, 'Region Skåne', 'sjukvårdsstyrning'), excludes: () => INVOICE_FIELDS }],
  ['a person’s roles', { say: ['Vem är Per Söderberg?'], kind: 'contact', lang: 'sv', includes: () => printed(DALARNA_2018, 'koordinator', 'prioritetsbeslut'), excludes: () => INVOICE_FIELDS }],
];

const unknownPeople: [string, Case][] = [
  ['a person the documents do not name, in English', { say: ["What's Anna Svensson's email?"], kind: 'unknown', lang: 'en', includes: () => ['I could not find', 'Anna Svensson'], excludes: () => [...INVOICE_FIELDS, '@'] }],
  ['a person the documents do not name, sharing a surname with one they do', { say: ['Vad har Karin Persson för telefonnummer?'], kind: 'unknown', lang: 'sv', includes: () => ['Jag hittar inte', 'Karin Persson'], excludes: () => [...INVOICE_FIELDS, '@', 'Jan Persson'] }],
  ['a person the documents do not name, asked who they are', { say: ['vem är Erik Lind?'], kind: 'unknown', lang: 'sv', includes: () => ['Jag hittar inte', 'Erik Lind'], excludes: () => ['@', ...REGION_QUESTION] }],
];

const members: [string, Case][] = [
  ['every member of the group the document lists', { say: ['Vilka är med i Regional Samverkansgrupp Psykiatri?'], kind: 'contact', lang: 'sv', includes: () => [...MEMBER_MAILS(), ...CONVENORS(), ...USER_ORGANISATIONS()], excludes: () => [...INVOICE_FIELDS, 'Elin Ring', 'Per Söderberg'] }],
  ['the members for one sub-region', { say: ['vem är kontaktperson för Nordost?'], kind: 'contact', lang: 'sv', includes: () => printed(SKANE_2023, 'anna-marie.nilsson@bromolla.se', 'jennie.salmen@kristianstad.se'), excludes: () => ['carola.teirfolk@simrishamn.se'] }],
];

function check(c: Case) {
  const reply = converse(c.say);
  const seen = visible(reply);
  expect({ kind: reply.kind, lang: reply.lang }, seen).toEqual({ kind: c.kind, lang: c.lang });
  for (const word of c.includes()) expect(seen, `should include "${word}"`).toContain(word);
  for (const word of c.excludes?.() ?? []) expect(seen, `should not include "${word}"`).not.toContain(word);
  expect(seen, 'shows no phone number').not.toMatch(PHONE);
}

describe('a role in a group is answered with the people the documents name, without asking for a region', () => {
  it.each(roleInGroup)('%s', (_name, c) => check(c));
});

describe('who took over from whom', () => {
  it.each(takeovers)('%s', (_name, c) => check(c));
});

describe('a named person’s detail: the one asked, or that the documents lack it and what they hold', () => {
  it.each(details)('%s', (_name, c) => check(c));
});

describe('a person the documents do not name is said to be missing, with no one else’s details', () => {
  it.each(unknownPeople)('%s', (_name, c) => check(c));
});

describe('a group’s members', () => {
  it('the group’s list has the fifteen addresses the document prints', () => {
    expect(MEMBER_MAILS()).toHaveLength(15);
  });
  it.each(members)('%s', (_name, c) => check(c));
});

describe('the contacts in the knowledge store', () => {
  it('name every person the documents list under a role, each with a quote that holds the name', () => {
    const names = printed(
      DALARNA_2018,
      'Lisa Ask',
      'Britta Johnsson',
      'Sten Eriksson',
      'Maria Ekelöf',
      'Marit Raninen Lundin',
      'Per Söderberg',
      'Tomas Ahlin',
      'Jessica Pedersen',
      'Ulf Börjesson',
      'Peter Möller',
      'Maria Östh',
      'Johan Hallberg',
      'Ulla Allard',
      'Mona Westman',
      'Evelina Bark-Nordin',
      'Lena Mattson',
      'Johanna Tangnäs',
      'Katarina Johansson',
    ).concat(...JAMTLAND_COORDINATORS(), ...CONVENORS(), ...USER_ORGANISATIONS());
    for (const name of names) {
      const entries = store.knowledge.contacts.filter((contact) => contact.name === name);
      expect(entries.length, name).toBeGreaterThan(0);
      for (const entry of entries) expect(cleanQuote(entry.source.quote)).toContain(name);
    }
  });

  it('hold every e-mail address the documents print', () => {
    const mails = new Set(store.knowledge.contacts.map((contact) => contact.email));
    for (const mail of MEMBER_MAILS()) expect(mails.has(mail), mail).toBe(true);
  });

  it('say who took over from whom: Jessica Pedersen from Lisa Ask', () => {
    HANDOVER();
    const jessica = store.knowledge.contacts.filter((contact) => contact.name === 'Jessica Pedersen');
    expect(jessica.map((contact) => contact.takesOverFrom)).toContain('Lisa Ask');
  });
});
