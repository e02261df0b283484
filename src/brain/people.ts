// Who a question is about: the people, posts, groups and mailboxes the documents name, read from the
// question's words ("Vad har Jan Persson för e-post?", "vem är sammankallande i …", "vem tog över efter …").
// Shared by the understanding (is this a question about people?) and the contact answerer.
import type { ContactFact } from '../knowledge/model.js';
import type { ContactFunction } from '../knowledge/schema.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import { foldText, words } from '../text/normalize.js';
import type { AnswerInput } from './answer-context.js';
import * as v from './vocabulary.js';
import type { ContactDetail } from './vocabulary.js';

/** The words that ask for a role, by the role they ask for (folded text). */
const FUNCTION_WORDS: [ContactFunction, RegExp][] = [
  ['convenor', /\b(sammankallande|kallar (till|samman)|conven\w*)\b/],
  ['chair', /\b(ordforande\w*|ordf|chair(man|woman|person|s)?)\b/],
  ['coordinator', /\b(koordinator\w*|samordna\w*|coordinat\w*)\b/],
  ['representative', /\b(representant\w*|representera\w*|represent\w*|foretrad\w*)\b/],
  ['member', /\b(deltagare\w*|deltar|medlem\w*|ingar i|sitter i|(ar|sitter|finns) med i|members?|participants?|part of)\b/],
  ['lead', /\b(utvecklingsledare\w*|projektledare\w*|processledare\w*|ledare|leder|ledde|leads?|leader\w*|leading)\b/],
  ['manager', /\b(\w*chef|\w*chefen|\w*chefer|managers?|head of|director\w*)\b/],
  ['responsible', /\b(ansvar\w*|responsib\w*|har hand om|hanterar|handles?|in charge)\b/],
  ['reporter', /\b(rapporter\w*|aterrapporter\w*|reports?|reporting)\b/],
];
/** "vem har hand om Nordost?": asked of a place, anyone there answers when no one is said to be responsible. */
export const SOFT_FUNCTIONS = new Set<ContactFunction>(['responsible']);

export const FUNCTION_NAMES: Record<ContactFunction, { sv: string; en: string }> = {
  convenor: { sv: 'sammankallande', en: 'convenor' },
  chair: { sv: 'ordförande', en: 'chair' },
  coordinator: { sv: 'samordnare', en: 'coordinator' },
  representative: { sv: 'representant', en: 'representative' },
  member: { sv: 'deltagare', en: 'member' },
  lead: { sv: 'ledare', en: 'lead' },
  manager: { sv: 'chef', en: 'manager' },
  responsible: { sv: 'ansvarig', en: 'responsible' },
  reporter: { sv: 'rapporterar', en: 'reports on the funds' },
  named: { sv: 'namngiven', en: 'named' },
};

/** "Vem tog över efter …", "who replaced …": a takeover asked about. Handing over names the successor after it. */
export const TAKEOVER = /\b(tog over|tar over|tagit over|overtog|eftertrad\w*|ersatte|ersatt|replaced?|took over|takes over|taken over|succeeded|successor|predecessor)\b/;
const HANDOVER = /\b(overlamn\w*|lamna\w* over|handed over|hands over|hand over|passed on)\b/;

/** English words for the documents' Swedish subjects, so that an English question meets the Swedish fields. */
const ENGLISH_TERMS: [RegExp, string][] = [
  [/\b(service )?users?'? (organi[sz]ations?|associations?|groups?)\b/g, 'brukarforeningar'],
  [/\buser (involvement|influence|participation)\b/g, 'brukarinflytande'],
  [/\badult psychiatr\w*/g, 'vuxenpsykiatri'],
  [/\bpsychiatr\w*/g, 'psykiatri'],
  [/\bprimary care\b/g, 'primarvard'],
  [/\b(collaboration|cooperation|co-operation|coordination) group\b/g, 'samverkansgrupp'],
  [/\bsteering group\b/g, 'styrgrupp'],
  [/\bnetworks?\b/g, 'natverk'],
  [/\banalys[ie]s\b/g, 'analys'],
  [/\b(assignments?|missions?|commissions?)\b/g, 'uppdrag'],
  [/\baction plans?\b/g, 'handlingsplan'],
  [/\byouth (clinics?|centres?|centers?)\b/g, 'ungdomsmottagning'],
  [/\byouth strategy\b/g, 'ungdomsstrategi'],
  [/\bsuicide prevention\b/g, 'suicidprevention'],
  [/\b(elderly|older people)\b/g, 'aldre'],
  [/\bchildren and (young people|youth)\b/g, 'barn unga'],
  [/\b(substance (abuse|use)|addiction)\b/g, 'missbruk'],
  [/\bdisabilit\w*/g, 'funktionsnedsattning'],
  [/\bcoordinat\w* responsibilit\w*/g, 'samordningsansvar'],
  [/\bpriority decisions?\b/g, 'prioritetsbeslut'],
  [/\bgender equal\w*/g, 'jamstalld'],
  [/\bsocial sustainability\b/g, 'social hallbarhet'],
  [/\binvoice reference\b/g, 'referens fakturan'],
];

/** Words around a role or a detail that name no subject ("Vem är egentligen …", "the group"). */
const FILLER = new Set(
  `efter over till fran hos inom genom under egentligen just nu idag gruppen grupp group person personer people someone anyone nagon nagra dar har hade
  ska skulle jag vi man det vara ars arets year's whose whom which their there here ring ringa call nummer number adress address namn heter name named
  tog tar took take takes taken over from after before fore innan`.split(/\s+/),
);

/** The patterns whose words only say what is asked about a person, never the subject. */
const ASKING = [v.CONTACT, v.CONTACT_NOUN, TAKEOVER, HANDOVER, ...FUNCTION_WORDS.map(([, pattern]) => pattern), ...v.CONTACT_DETAILS.map(([, pattern]) => pattern)];

interface Person {
  name: string;
  tokens: string[];
  contacts: ContactFact[];
}

interface Mailbox {
  /** The address's name part as letters ("carolateirfolk", "lindamwelin" and "lindawelin"). */
  variants: string[];
  contact: ContactFact;
}

interface Field {
  tokens: string[];
  /** Which field matched decides between equals: whom a person represents over their group over the rest. */
  priority: number;
}

interface ContactIndex {
  persons: Person[];
  mailboxes: Mailbox[];
  fields: Map<ContactFact, Field[]>;
  /** Words of the contacts' roles, groups and organisations, the funds and places: never an unknown person's name. */
  knownWords: Set<string>;
  /** Each group's content words, for groups named by at least two. */
  groups: string[][];
  /** Every word of a person's name (and its genitive) and of a mailbox's name: a question with none names no one. */
  nameWords: Set<string>;
}

const indexes = new WeakMap<KnowledgeStore, ContactIndex>();

export function indexOf(store: KnowledgeStore): ContactIndex {
  const cached = indexes.get(store);
  if (cached) return cached;
  const persons = new Map<string, Person>();
  const mailboxes: Mailbox[] = [];
  const fields = new Map<ContactFact, Field[]>();
  const knownWords = new Set<string>();
  const nameWords = new Set<string>();
  for (const contact of store.knowledge.contacts) {
    if (contact.name) {
      const key = foldText(contact.name);
      const person = persons.get(key) ?? { name: contact.name, tokens: key.split(' '), contacts: [] };
      person.contacts.push(contact);
      persons.set(key, person);
    } else if (contact.email) {
      const parts = contact.email.split('@')[0]!.split(/[._-]|(?<=[a-z])(?=[A-Z])/).map((part) => foldText(part).replace(/[^a-z]/g, '')).filter(Boolean);
      mailboxes.push({ variants: [...new Set([parts.join(''), parts.filter((part) => part.length > 1).join('')])], contact });
      for (const part of parts) nameWords.add(part);
    }
    const field = (text: string | undefined, priority: number): Field => ({ tokens: text ? contentWords(foldText(text)) : [], priority });
    const own = [field(contact.represents, 4), field(contact.group, 3), field(contact.organisation, 2), field(contact.role, 1)];
    fields.set(contact, own);
    for (const { tokens } of own) for (const token of tokens) knownWords.add(token);
  }
  for (const fund of store.knowledge.funds) for (const name of [fund.name.sv, fund.name.en, ...fund.synonyms]) for (const word of words(name)) knownWords.add(word);
  for (const place of store.knowledge.places) for (const name of [place.name, ...place.aliases]) for (const word of words(name)) knownWords.add(word);
  for (const person of persons.values()) {
    for (const token of person.tokens) {
      knownWords.delete(token);
      nameWords.add(token).add(`${token}s`);
    }
  }
  const groups = [...new Set(store.knowledge.contacts.map((contact) => contact.group).filter((group): group is string => group !== undefined))]
    .map((group) => contentWords(foldText(group)))
    .filter((group) => group.length >= 2);
  const index = { persons: [...persons.values()], mailboxes, fields, knownWords, groups, nameWords };
  indexes.set(store, index);
  return index;
}

function contentWords(folded: string): string[] {
  return folded.split(' ').filter((word) => word.length >= 3 && !v.STOP_WORDS.has(word) && !FILLER.has(word) && !/^\d+$/.test(word));
}

/** Two words for the same thing, inflected or compounded: "samverkansgruppen" ~ "samverkansgrupp", "analysuppdraget" ~ "analyser". */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  const stem = (word: string) => (word.length > 6 ? word.slice(0, -2) : word);
  return a.includes(stem(b)) || b.includes(stem(a));
}

// ───────────── Reading the question ─────────────

interface Token {
  word: string;
  raw: string;
  capital: boolean;
  possessive: boolean;
}

interface Named {
  person: Person;
  at: number;
  /** 4 full name, 3 first and last name, 2 surname, 1 first name. */
  strength: number;
}

export interface ContactQuestion {
  persons: Person[];
  /** Mailboxes named by their address's name ("Carola Teirfolk"): the documents give only the address. */
  mailboxes: ContactFact[];
  /** The words that named them, as written. */
  mailboxNames: string[];
  /** Capitalised names the documents do not give ("Anna Svensson"). */
  unknownNames: string[];
  functions: ContactFunction[];
  /** The words that asked for the role ("koordinatorer"): a role that uses them is the closer answer. */
  roleWords: string[];
  terms: string[];
  details: ContactDetail[];
  /** A takeover asked about: the successor of the person named, or their predecessor. */
  takeover?: 'successor' | 'predecessor';
}

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of text.split(/\s+/)) {
    const folded = words(raw);
    folded.forEach((word, i) => {
      // "Persson's": the "s" marks the name before it as a possessive.
      if (word === 's' && i > 0 && tokens.length > 0) {
        tokens[tokens.length - 1]!.possessive = true;
        return;
      }
      const letters = raw.replace(/^[^\p{L}\p{N}]+/u, '');
      tokens.push({ word, raw: i === 0 ? letters.replace(/[^\p{L}\p{N}-]+.*$/u, '') : word, capital: i === 0 && /^\p{Lu}/u.test(letters), possessive: false });
    });
  }
  return tokens;
}

/** A name's word in the question: the same word, or its genitive ("Perssons"). */
function nameWord(token: Token | undefined, word: string): boolean {
  return token !== undefined && (token.word === word || token.word === `${word}s`);
}

function findPersons(tokens: Token[], index: ContactIndex): Named[] {
  const found: Named[] = [];
  for (const person of index.persons) {
    const nt = person.tokens;
    const first = nt[0]!;
    const last = nt[nt.length - 1]!;
    for (let i = 0; i < tokens.length; i++) {
      if (nt.every((word, j) => nameWord(tokens[i + j], word))) found.push({ person, at: i, strength: 4 });
      else if (nt.length > 2 && nameWord(tokens[i], first) && nameWord(tokens[i + 1], last)) found.push({ person, at: i, strength: 3 });
      else if (nt.length > 1 && i > 0 && nameWord(tokens[i], last) && tokens[i]!.capital && !tokens[i - 1]!.capital && last.length >= 3) found.push({ person, at: i, strength: 2 });
      else if (nt.length > 1 && i > 0 && tokens[i]!.word === first && tokens[i]!.capital && !tokens[i + 1]?.capital) found.push({ person, at: i, strength: 1 });
    }
  }
  // Where a full name is said, a name that only shares one of its words is not meant.
  return found.filter((named) => !found.some((other) => other.at === named.at && other.strength > named.strength));
}

function findMailboxes(tokens: Token[], index: ContactIndex): { contact: ContactFact; at: number; length: number }[] {
  const found: { contact: ContactFact; at: number; length: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let length = 2; length <= 4 && i + length <= tokens.length; length++) {
      const letters = tokens.slice(i, i + length).map((token) => token.word.replace(/[^a-z]/g, '')).join('');
      for (const mailbox of index.mailboxes) if (mailbox.variants.includes(letters)) found.push({ contact: mailbox.contact, at: i, length });
    }
  }
  return found;
}

function asksSomething(word: string): boolean {
  return ASKING.some((pattern) => pattern.test(word));
}

/** Runs of capitalised words that name no place, group, fund or known person: a person the documents do not give. */
export function unknownNames(tokens: Token[], taken: Set<number>, placeWords: Set<string>, index: ContactIndex): string[] {
  const candidate = tokens.map(
    (token, i) =>
      token.capital &&
      !taken.has(i) &&
      token.word.length >= 2 &&
      !/^\d/.test(token.word) &&
      !(token.raw.length >= 2 && token.raw === token.raw.toUpperCase()) &&
      !v.STOP_WORDS.has(token.word) &&
      !FILLER.has(token.word) &&
      !index.knownWords.has(token.word) &&
      !placeWords.has(token.word) &&
      !asksSomething(token.word),
  );
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!candidate[i]) continue;
    let end = i;
    while (end + 1 < tokens.length && candidate[end + 1] && !tokens[end]!.possessive) end++;
    const run = tokens.slice(i, end + 1);
    if (run.length >= 2 || (i > 0 && run[0]!.possessive)) names.push(run.map((token) => token.raw).join(' '));
    i = end;
  }
  return names;
}

export function readQuestion(input: AnswerInput): ContactQuestion {
  const { u } = input;
  const index = indexOf(input.store);
  const tokens = tokensOf(u.text);
  const named = findPersons(tokens, index);
  const mailboxes = named.length > 0 ? [] : findMailboxes(tokens, index);
  const taken = new Set<number>();
  for (const match of named) for (let j = 0; j < (match.strength >= 3 ? (match.strength === 4 ? match.person.tokens.length : 2) : 1); j++) taken.add(match.at + j);
  for (const match of mailboxes) for (let j = 0; j < match.length; j++) taken.add(match.at + j);
  const placeWords = new Set([...u.places.flatMap((match) => words(match.text)), ...u.uncovered.flatMap((match) => words(match.text))]);
  const persons = [...new Set(named.map((match) => match.person))];

  // What is left once names, places, years and the asking words are taken away: the subject.
  let rest = tokens.filter((_, i) => !taken.has(i)).map((token) => token.word).join(' ');
  for (const [pattern, swedish] of ENGLISH_TERMS) rest = rest.replace(pattern, swedish);
  rest = rest.replace(v.EMAIL_ADDRESS, ' ');
  for (const pattern of ASKING) rest = rest.replace(new RegExp(pattern.source, 'g'), ' ');
  const terms = contentWords(foldText(rest)).filter((word) => !placeWords.has(word));

  const functions: ContactFunction[] = [];
  const roleWords: string[] = [];
  for (const [fn, pattern] of FUNCTION_WORDS) {
    const match = u.folded.match(pattern);
    if (!match) continue;
    functions.push(fn);
    roleWords.push(...match[0].split(' ').filter((word) => word.length >= 5));
  }
  const takeover = persons.length > 0 || mailboxes.length > 0 ? takeoverAsked(tokens, named) : undefined;
  return {
    persons,
    mailboxes: [...new Set(mailboxes.map((match) => match.contact))],
    mailboxNames: [...new Set(mailboxes.map((match) => tokens.slice(match.at, match.at + match.length).map((token) => token.raw.replace(/^./, (c) => c.toUpperCase())).join(' ')))],
    unknownNames: unknownNames(tokens, taken, placeWords, index),
    functions: takeover ? [] : functions,
    roleWords,
    terms,
    details: u.contactDetails ?? [],
    ...(takeover ? { takeover } : {}),
  };
}

/**
 * "Vem tog över efter Lisa Ask?", "who replaced Lisa Ask?" ask for the successor; "Vem tog Jessica
 * Pedersen över efter?", "efter vem …", "who did Jessica Pedersen replace?" for the predecessor. Where
 * the verb ends before the name, the person named is the one taken over from; handing over turns it round.
 */
function takeoverAsked(tokens: Token[], named: Named[]): ContactQuestion['takeover'] {
  if (named.length === 0) return undefined;
  const text = tokens.map((token) => token.word).join(' ');
  const verb = TAKEOVER.exec(text) ?? /\b(tog|tar|tagit)\b.*?\bover\b/.exec(text) ?? HANDOVER.exec(text);
  const asksWhom = /\b(efter|fran) vem\b|\bfrom whom\b/.test(text);
  // "Vem kom efter Lisa Ask?": "efter" right before the name asks for the successor.
  const after = ['efter', 'after'].includes(tokens[named[0]!.at - 1]?.word ?? '');
  if (!verb && !asksWhom && !after) return undefined;
  if (asksWhom || /\b(who|whom) did\b|\bforegangare\w*|\bpredecessor\w*/.test(text)) return 'predecessor';
  if (/\beftertradare\w*|\bsuccessor\w*/.test(text) || !verb) return 'successor';
  const verbEnd = text.slice(0, verb.index + verb[0].length).split(' ').length - 1;
  const successor = verbEnd < named[0]!.at;
  return successor !== HANDOVER.test(verb[0]) ? 'successor' : 'predecessor';
}

/**
 * For the understanding: a question about people the documents give, by a person's name ("Vad har
 * Jan Persson för telefonnummer?") or by a group and its members ("Vilka är med i Regional
 * Samverkansgrupp Psykiatri?"). A first name alone ("8 Maria mottagningar") is too weak.
 */
export function asksAboutPeople(text: string, store: KnowledgeStore): boolean {
  const index = indexOf(store);
  const folded = foldText(text);
  const members = MEMBERS.test(folded);
  if (!members && !folded.split(' ').some((word) => index.nameWords.has(word))) return false;
  const tokens = tokensOf(text);
  if (findPersons(tokens, index).some((match) => match.strength >= 2) || findMailboxes(tokens, index).length > 0) return true;
  if (!members) return false;
  const asked = contentWords(folded);
  return index.groups.some((group) => group.every((word) => asked.some((term) => sameWord(term, word))));
}

/** "Vilka är med i …", "who is in …": a group's members asked for. */
const MEMBERS = /\b(vilka (ar|sitter|finns)|vem (ar|sitter)|(ar|sitter|finns) med i|ingar i|deltagare\w*|medlem\w*|members?|participants?|who (is|are|sits?) (in|on))\b/;
