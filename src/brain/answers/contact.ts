// People and posts: "vem är sammankallande i Regional Samverkansgrupp Psykiatri?", "Vad har Jan Persson
// för e-post?", "Vem tog över efter Lisa Ask?", "who represents the user organisations?". The contacts
// the documents give are narrowed step by step: the people the question names, its place and year,
// the role it asks for, the group or subject it names, the detail it wants. When a step leaves no one,
// the reply says which part the documents do not hold, by name, and what they do hold about it.
import type { ContactFact } from '../../knowledge/model.js';
import type { ContactFunction } from '../../knowledge/schema.js';
import { foldText } from '../../text/normalize.js';
import { placeName, source, t, type AnswerInput } from '../answer-context.js';
import { joinList, capitalise } from '../format.js';
import { emptyReply, type Reply } from '../reply.js';
import { sourceLine, uniqueSections } from '../sources.js';
import type { ContactDetail } from '../vocabulary.js';
import { clarifyPlace, resolvePlace } from './resolve.js';
import { NOT_FOUND, notFound } from './unknown.js';
import { FUNCTION_NAMES, SOFT_FUNCTIONS, TAKEOVER, indexOf, readQuestion, sameWord, unknownNames, type ContactQuestion } from '../people.js';

// ───────────── Answering ─────────────

export function answerContact(input: AnswerInput): Reply {
  const q = readQuestion(input);
  if (q.persons.length === 0 && q.mailboxes.length === 0 && q.unknownNames.length > 0) return unknownPerson(input, q);
  if (q.persons.length > 0 || q.mailboxes.length > 0) return aboutPersons(input, q);
  return aboutRole(input, q);
}

function unknownPerson(input: AnswerInput, q: ContactQuestion): Reply {
  const names = joinList(q.unknownNames, input.lang);
  const reply = emptyReply('unknown', input.lang, t(input, 'Finns inte i dokumenten', 'Not in the documents'), '');
  const detail = q.details.length > 0 ? joinList(q.details.map((detail) => detailPhrase(input, detail)), input.lang) : '';
  reply.text = detail
    ? t(input, `${NOT_FOUND.sv} ${names} i dokumenten, och därför inte heller ${detail}.`, `${NOT_FOUND.en} ${names} in the documents, so no ${detail.replace(/^(an?|a) /, '')} either.`)
    : t(input, `${NOT_FOUND.sv} ${names} i dokumenten.`, `${NOT_FOUND.en} ${names} in the documents.`);
  reply.known = [t(input, `Kontaktuppgifter finns för ${contactPlaces(input)}.`, `Contacts exist for ${contactPlaces(input)}.`)];
  return reply;
}

function aboutPersons(input: AnswerInput, q: ContactQuestion): Reply {
  const { u } = input;
  const who = joinList([...q.persons.map((person) => person.name), ...q.mailboxNames], input.lang);
  // "Carola Teirfolk": the documents give her address, not her name.
  const remark = q.mailboxes.length > 0 ? t(input, `Dokumentet anger bara e-postadressen, inget namn.`, `The document gives only the e-mail address, no name.`) : '';
  let contacts = [...q.persons.flatMap((person) => person.contacts), ...q.mailboxes];
  if (q.takeover) return takeover(input, q, who);
  const all = contacts;
  if (u.years.length > 0) {
    contacts = contacts.filter((contact) => u.years.includes(contact.year));
    if (contacts.length === 0) return missing(input, t(input, `${who} ${joinList(u.years.map(String), 'sv')}`, `${who} in ${joinList(u.years.map(String), 'en')}`), all);
  }
  if (u.places.length > 0) {
    const ids = placeIds(input, u.places.map((match) => match.place.id));
    const here = contacts.filter((contact) => ids.has(contact.place));
    if (here.length === 0) return missing(input, t(input, `${who} för ${placeList(input)}`, `${who} for ${placeList(input)}`), contacts);
    contacts = here;
  }
  if (q.functions.length > 0) {
    const withRole = byFunction(contacts, q);
    if (withRole.length === 0) {
      const role = functionList(input, q.functions);
      return missing(input, t(input, `${who} som ${role}`, `${who} as ${role}`), contacts);
    }
    contacts = withRole;
  }
  const ranked = rankByTerms(input, contacts, q.terms, q.roleWords);
  if (ranked.matched) contacts = ranked.contacts;
  contacts = byRoleWord(contacts, q);
  if (q.details.length > 0) return detailReply(input, contacts, q.details, who, remark);
  return listReply(input, contacts, who, remark);
}

function takeover(input: AnswerInput, q: ContactQuestion, who: string): Reply {
  const { store } = input;
  const persons = q.persons;
  const names = new Set(persons.map((person) => foldText(person.name)));
  const own = persons.flatMap((person) => person.contacts);
  const successors = store.knowledge.contacts.filter((contact) => contact.takesOverFrom && names.has(foldText(contact.takesOverFrom)));
  const predecessorNames = new Set(own.flatMap((contact) => (contact.takesOverFrom ? [foldText(contact.takesOverFrom)] : [])));
  const predecessors = store.knowledge.contacts.filter((contact) => contact.name && predecessorNames.has(foldText(contact.name)) && !contact.takesOverFrom);
  if (q.takeover === 'successor' && successors.length > 0) return listReply(input, successors, t(input, `Tog över efter ${who}`, `Took over from ${who}`));
  if (q.takeover === 'predecessor' && predecessors.length > 0) {
    // The predecessor, and the entry of the person asked about that says so.
    const saying = own.filter((contact) => contact.takesOverFrom);
    const reply = listReply(input, predecessors, t(input, `${who} tog över efter`, `${who} took over from`));
    reply.sources = uniqueSections([...predecessors, ...saying].map((contact) => source(input, { document: contact.document, ...contact.source })));
    reply.text = reply.text.replace(/ (Källa|Källor|Source|Sources): .*$/, '') + ` ${sourceLine(reply.sources, input.lang)}.`;
    return reply;
  }
  const asked = q.takeover === 'successor' ? t(input, `vem som tog över efter ${who}`, `who took over from ${who}`) : t(input, `vem ${who} tog över efter`, `whom ${who} took over from`);
  return missing(input, asked, [...own, ...successors]);
}

function aboutRole(input: AnswerInput, q: ContactQuestion): Reply {
  const { u, store } = input;
  let contacts = store.knowledge.contacts;
  // "Vem tog över samordningsansvaret 2018?": the contacts who take something over.
  if (TAKEOVER.test(u.folded) && q.functions.length === 0) {
    const takers = contacts.filter((contact) => contact.takesOverFrom);
    if (takers.length > 0) contacts = takers;
  }
  const resolved = resolvePlace(input);
  if (resolved.kind === 'ambiguous') return clarifyPlace(input, resolved.choices);
  let place = resolved.kind === 'place' ? resolved.place : undefined;
  // A group or subject named identifies its place: a place only carried from the conversation gives way.
  if (place && u.placeFromContext && rankByTerms(input, contacts, q.terms).matched) place = undefined;
  if (place) {
    const ids = placeIds(input, [place.id]);
    contacts = contacts.filter((contact) => ids.has(contact.place));
    if (contacts.length === 0) {
      const reply = notFound(input, `någon kontaktperson för ${place.name}`, `a contact for ${place.name}`);
      reply.known = [t(input, `Kontaktuppgifter finns för ${contactPlaces(input)}.`, `Contacts exist for ${contactPlaces(input)}.`)];
      return reply;
    }
  }
  const where = place ? place.name : '';
  if (u.year) {
    const ofYear = contacts.filter((contact) => contact.year === u.year);
    if (ofYear.length === 0) return missing(input, t(input, `någon kontaktperson för ${[where, u.year].filter(Boolean).join(' ')}`, `a contact for ${[where, u.year].filter(Boolean).join(' ')}`), contacts);
    contacts = ofYear;
  }
  if (q.functions.length > 0) {
    const withRole = byFunction(contacts, q);
    if (withRole.length === 0) {
      // "Vem är ordförande i Regional Samverkansgrupp Psykiatri?": no chair; the group's leading people instead.
      const role = functionList(input, q.functions);
      const named = rankByTerms(input, contacts, q.terms);
      const groups = [...new Set(named.contacts.map((contact) => contact.group))];
      const scope = named.matched && groups.length === 1 && groups[0] ? groups[0] : [where, u.year].filter(Boolean).join(' ');
      const asked = scope ? t(input, `någon ${role} ${named.matched ? 'i' : 'för'} ${scope}`, `a ${role} ${named.matched ? 'in' : 'for'} ${scope}`) : t(input, `någon ${role}`, `a ${role}`);
      const held = named.matched ? leading(named.contacts) : byFunction(store.knowledge.contacts, q);
      return missing(input, asked, held.length <= 12 ? held : []);
    }
    contacts = withRole;
  }
  const ranked = rankByTerms(input, contacts, q.terms, q.roleWords);
  if (ranked.matched) contacts = ranked.contacts;
  else if (q.terms.length > 0 && !place) {
    // The subject named matches no one the documents give: say so by its words, not with someone else.
    const subject = q.terms.join(' ');
    const role = q.functions.length > 0 ? t(input, `någon ${functionList(input, q.functions)}`, `a ${functionList(input, q.functions)}`) : t(input, 'någon kontaktperson', 'a contact');
    const reply = notFound(input, `${role} för ”${subject}”`, `${role} for “${subject}”`);
    reply.known = [t(input, `Kontaktuppgifter finns för ${contactPlaces(input)}.`, `Contacts exist for ${contactPlaces(input)}.`)];
    return reply;
  }
  contacts = byRoleWord(contacts, q);
  const places = [...new Set(contacts.map((contact) => contact.place))];
  if (!place && !ranked.matched) {
    // Nothing but a role (or nothing at all) asked: one place's people answer, several places are a question back.
    if (q.functions.length === 0 || places.length > 1) return clarifyRegion(input, places);
  }
  if (place && !u.year && !ranked.matched) contacts = latestYear(contacts);
  const title = roleTitle(input, contacts, q, place?.id);
  if (q.details.length > 0) return detailReply(input, contacts, q.details, title);
  // "vem är kontaktperson för Dalarna 2022?": only posts without a name, and no one to reach.
  if (q.functions.length === 0 && !ranked.matched && contacts.every((contact) => !contact.name && !contact.email)) {
    const scope = [where || joinList(places.map((id) => placeName(input, id)), input.lang), u.year ?? joinList([...new Set(contacts.map((contact) => contact.year))].map(String), input.lang)];
    return unnamedOnly(input, contacts, scope.join(' '));
  }
  return listReply(input, contacts, title);
}

/** The people who lead a group (convenors, coordinators, leads, managers), when it has any; else a few of its members. */
function leading(contacts: ContactFact[]): ContactFact[] {
  const leads = contacts.filter((contact) => contact.functions.some((fn) => ['chair', 'convenor', 'coordinator', 'lead', 'manager'].includes(fn)));
  return leads.length > 0 ? leads : contacts.slice(0, 6);
}

/** The contacts with one of the roles asked. */
function byFunction(contacts: ContactFact[], q: ContactQuestion): ContactFact[] {
  const strict = q.functions.filter((fn) => !SOFT_FUNCTIONS.has(fn));
  // "Who is responsible for suicide prevention?": whoever the subject names, responsible or not.
  if (strict.length === 0) return contacts;
  return contacts.filter((contact) => contact.functions.some((fn) => strict.includes(fn)));
}

/** Of equally good answers, those whose role uses the question's own word ("koordinatorer" → "koordinator"). */
function byRoleWord(contacts: ContactFact[], q: ContactQuestion): ContactFact[] {
  const literal = contacts.filter((contact) => usesRoleWord(contact, q.roleWords));
  return literal.length > 0 ? literal : contacts;
}

function usesRoleWord(contact: ContactFact, roleWords: string[]): boolean {
  const role = foldText(contact.role).split(' ');
  return roleWords.some((word) => role.some((token) => token.length >= 5 && sameWord(word, token)));
}

/**
 * The contacts whose represented party, group, organisation or role best meets the question's subject
 * words: the most words met, then a role in the question's own word ("koordinatorer" → "koordinator"),
 * then the most words in one field, the likelier field, the field met most wholly.
 */
function rankByTerms(input: AnswerInput, contacts: readonly ContactFact[], terms: string[], roleWords: string[] = []): { matched: boolean; contacts: ContactFact[] } {
  if (terms.length === 0) return { matched: false, contacts: [...contacts] };
  const index = indexOf(input.store);
  const scored = contacts.map((contact) => {
    const fields = index.fields.get(contact) ?? [];
    const covered = new Set<string>();
    let best = [0, 0, 0];
    for (const field of fields) {
      const hits = terms.filter((term) => field.tokens.some((token) => sameWord(term, token)));
      hits.forEach((hit) => covered.add(hit));
      const key = [hits.length, field.priority, field.tokens.length === 0 ? 0 : hits.length / field.tokens.length];
      if (compare(key, best) > 0) best = key;
    }
    return { contact, key: [covered.size, usesRoleWord(contact, roleWords) ? 1 : 0, ...best] };
  });
  const top = scored.reduce((max, entry) => (compare(entry.key, max) > 0 ? entry.key : max), [0, 0, 0, 0, 0]);
  if (top[0] === 0) return { matched: false, contacts: [...contacts] };
  return { matched: true, contacts: scored.filter((entry) => compare(entry.key, top) === 0).map((entry) => entry.contact) };
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** A place's contacts from its latest document that names someone; older documents' people may have moved on. */
function latestYear(contacts: ContactFact[]): ContactFact[] {
  const years = [...new Set(contacts.map((contact) => contact.year))].sort((a, b) => b - a);
  if (contacts.length <= 8) return contacts;
  const year = years.find((y) => contacts.some((contact) => contact.year === y && (contact.name || contact.email))) ?? years[0];
  return contacts.filter((contact) => contact.year === year);
}

// ───────────── Replies ─────────────

interface PersonLine {
  key: string;
  name?: string;
  email?: string;
  phone?: string;
  organisation?: string;
  contacts: ContactFact[];
}

/** One line per person (a person with several roles is one line), in the documents' order. */
function byPerson(contacts: ContactFact[]): PersonLine[] {
  const lines = new Map<string, PersonLine>();
  for (const contact of contacts) {
    const key = contact.name ? foldText(contact.name) : (contact.email ?? contact.id);
    const line = lines.get(key) ?? { key, contacts: [] };
    if (line.contacts.includes(contact)) continue;
    line.contacts.push(contact);
    line.name ??= contact.name;
    line.email ??= contact.email;
    line.phone ??= contact.phone;
    line.organisation ??= contact.organisation;
    lines.set(key, line);
  }
  return [...lines.values()];
}

function roleText(input: AnswerInput, contact: ContactFact): string {
  if (input.lang === 'sv') return contact.role;
  const functions = contact.functions.filter((fn) => fn !== 'named').map((fn) => FUNCTION_NAMES[fn].en);
  const parts: string[] = [];
  if (functions.length > 0 || contact.group) {
    parts.push(`${functions.length > 0 ? functions.join(', ') : 'named'}${contact.group ? `${functions.length > 0 ? ' in' : ' for'} “${contact.group}”` : ''}`);
    if (contact.represents) parts.push(`for “${contact.represents}”`);
  } else {
    parts.push(`“${contact.role}”`);
  }
  return parts.join(', ');
}

function describe(input: AnswerInput, line: PersonLine, withContacts = true): string {
  const roles = [...new Set(line.contacts.map((contact) => roleText(input, contact)))].join('; ');
  const organisation = line.organisation ? (input.lang === 'sv' ? line.organisation : `“${line.organisation}”`) : '';
  const about = [roles, organisation].filter(Boolean).join(', ');
  const reach = withContacts ? [line.email, line.phone].filter(Boolean).join(', ') : '';
  // In English the post is named as the document prints it ("Enhetschef ungdomsmottagningen"), marked as Swedish.
  if (!line.name && !reach) return input.lang === 'sv' ? about : t(input, '', `an unnamed post, in the document's Swedish “${line.contacts[0]!.role}”: ${about}`);
  return [line.name, reach, about ? `(${about})` : ''].filter(Boolean).join(' ');
}

function finish(input: AnswerInput, reply: Reply, contacts: ContactFact[]): Reply {
  const years = [...new Set(contacts.map((contact) => contact.year))].sort();
  reply.sources = uniqueSections(contacts.map((contact) => source(input, { document: contact.document, ...contact.source })));
  const yearList = joinList(years.map(String), input.lang);
  reply.notes = [t(input, `Uppgifterna är från ${yearList} års dokument och kan ha ändrats sedan dess.`, `These details are from the ${yearList} ${years.length > 1 ? 'documents' : 'document'} and may have changed since.`)];
  reply.text += ` ${reply.notes[0]} ${sourceLine(reply.sources, input.lang)}.`;
  return reply;
}

function listReply(input: AnswerInput, contacts: ContactFact[], title: string, remark = ''): Reply {
  const lines = byPerson(contacts);
  const reply = emptyReply('contact', input.lang, title, '');
  reply.rows = lines.map((line) => ({
    label: line.name ?? line.email ?? (input.lang === 'sv' ? line.contacts[0]!.role : t(input, '', 'unnamed post')),
    value: [line.name ? line.email : undefined, line.phone, ...line.contacts.map((contact) => roleText(input, contact)), line.organisation && input.lang === 'sv' ? line.organisation : undefined].filter(Boolean).join(' – '),
  }));
  reply.text = `${title}: ${lines.map((line) => describe(input, line)).join('; ')}.${remark ? ` ${remark}` : ''}`;
  return finish(input, reply, contacts);
}

const DETAIL_NAMES: Record<ContactDetail, { sv: string; en: string; label: { sv: string; en: string } }> = {
  email: { sv: 'någon e-postadress', en: 'an e-mail address', label: { sv: 'E-post', en: 'E-mail' } },
  phone: { sv: 'något telefonnummer', en: 'a phone number', label: { sv: 'Telefon', en: 'Phone' } },
  address: { sv: 'någon postadress', en: 'a postal address', label: { sv: 'Postadress', en: 'Postal address' } },
  organisation: { sv: 'någon organisation', en: 'an organisation', label: { sv: 'Organisation', en: 'Organisation' } },
  name: { sv: 'något namn', en: 'a name', label: { sv: 'Namn', en: 'Name' } },
};

function detailPhrase(input: AnswerInput, detail: ContactDetail): string {
  return DETAIL_NAMES[detail][input.lang];
}

/** The detail of a person the documents give; a person's postal address they never give. */
function detailOf(line: PersonLine, detail: ContactDetail): string | undefined {
  switch (detail) {
    case 'email':
      return line.email;
    case 'phone':
      return line.phone;
    case 'organisation':
      return line.organisation;
    case 'name':
      return line.name;
    case 'address':
      return undefined;
  }
}

function lineName(input: AnswerInput, line: PersonLine): string {
  return line.name ?? line.email ?? (input.lang === 'sv' ? line.contacts[0]!.role.replace(/^./, (c) => c.toLowerCase()) : t(input, '', `the unnamed post “${line.contacts[0]!.role}”`));
}

/** "Vad har Jan Persson för e-post?": the detail for each person who has it; the rest are said to lack it, by name. */
function detailReply(input: AnswerInput, contacts: ContactFact[], details: ContactDetail[], subject: string, remark = ''): Reply {
  const lines = byPerson(contacts);
  const has = lines.filter((line) => details.some((detail) => detailOf(line, detail)));
  const lacks = (line: PersonLine) => details.filter((detail) => !detailOf(line, detail));
  const wanted = joinList(details.map((detail) => detailPhrase(input, detail)), input.lang);
  if (has.length === 0) {
    const names = lines.length <= 3 ? joinList(lines.map((line) => lineName(input, line)), input.lang) : subject.replace(/^./, (c) => c.toLowerCase());
    const reply = emptyReply('unknown', input.lang, t(input, 'Finns inte i dokumenten', 'Not in the documents'), '');
    // "e-postadress till Jan Persson", but "namn på samordnaren".
    const preposition = details.every((detail) => detail === 'name' || detail === 'organisation') ? 'på' : 'till';
    reply.text = t(input, `${NOT_FOUND.sv} ${wanted} ${preposition} ${names} i dokumenten.`, `${NOT_FOUND.en} ${wanted} for ${names} in the documents.`);
    reply.known = held(input, contacts);
    return reply;
  }
  const reply = emptyReply('contact', input.lang, subject, '');
  reply.rows = has.flatMap((line) =>
    details.flatMap((detail) => {
      const value = detailOf(line, detail);
      return value ? [{ label: line.name ?? line.email ?? lineName(input, line), value: `${DETAIL_NAMES[detail].label[input.lang]}: ${value}` }] : [];
    }),
  );
  const parts = has.map((line) => {
    const values = details.map((detail) => detailOf(line, detail)).filter(Boolean).join(', ');
    const name = line.name ?? (line.email && details.includes('email') ? undefined : line.email);
    return lines.length === 1 || !name ? values : `${name} ${values}`;
  });
  const label = details.map((detail) => DETAIL_NAMES[detail].label[input.lang]).join(t(input, ' och ', ' and '));
  reply.title = `${label} – ${subject}`;
  reply.text = `${reply.title}: ${parts.join('; ')}.${remark ? ` ${remark}` : ''}`;
  const without = lines.filter((line) => lacks(line).length > 0);
  for (const line of without) {
    const missingDetails = joinList(lacks(line).map((detail) => detailPhrase(input, detail)), input.lang);
    reply.text += t(input, ` Dokumenten har inte ${missingDetails} till ${lineName(input, line)}.`, ` The documents give no ${missingDetails.replace(/^an? /, '')} for ${lineName(input, line)}.`);
  }
  return finish(input, reply, contacts);
}

/** Only posts without a name or an address: no one to contact, but the document says which posts exist. */
function unnamedOnly(input: AnswerInput, contacts: ContactFact[], scope: string): Reply {
  const reply = emptyReply('unknown', input.lang, t(input, 'Ingen namngiven kontaktperson', 'No named contact'), '');
  reply.text = t(
    input,
    `${NOT_FOUND.sv} någon namngiven kontaktperson för ${scope} i dokumenten, bara funktioner utan namn.`,
    `${NOT_FOUND.en} a named contact for ${scope} in the documents, only posts without names.`,
  );
  reply.known = held(input, contacts);
  return reply;
}

/** What the documents hold about people, one line each with its place and year: what a refusal offers instead. */
function held(input: AnswerInput, contacts: ContactFact[]): string[] {
  return byPerson(contacts).map((line) => `${describe(input, line)} (${placeName(input, line.contacts[0]!.place)} ${line.contacts[0]!.year})`);
}

/** What was asked is not in the documents: say so by name, then what they hold about it (none of it another answer). */
function missing(input: AnswerInput, asked: string, holding: ContactFact[]): Reply {
  const reply = notFound(input, asked, asked);
  if (holding.length > 0) {
    reply.known = held(input, holding);
  } else {
    reply.known = [t(input, `Kontaktuppgifter finns för ${contactPlaces(input)}.`, `Contacts exist for ${contactPlaces(input)}.`)];
  }
  return reply;
}

function clarifyRegion(input: AnswerInput, places: string[]): Reply {
  const reply = emptyReply('clarify', input.lang, t(input, 'Vilken plats?', 'Which place?'), '');
  const names = places.length > 0 ? joinList(places.map((id) => placeName(input, id)), input.lang) : contactPlaces(input);
  reply.text = t(input, 'Vilken region eller delregion gäller det? Jag har kontaktuppgifter för ', 'Which region or sub-region? I have contacts for ') + names + '.';
  return reply;
}

/** "Sammankallande i Regional Samverkansgrupp Psykiatri (Skåne 2023)", "Kontakter för Sydost (2023)". */
function roleTitle(input: AnswerInput, contacts: ContactFact[], q: ContactQuestion, place: string | undefined): string {
  const years = joinList([...new Set(contacts.map((contact) => contact.year))].sort().map(String), input.lang);
  const places = [...new Set(contacts.map((contact) => contact.place))];
  const groups = [...new Set(contacts.map((contact) => contact.group))];
  const represented = [...new Set(contacts.map((contact) => contact.represents))];
  // A soft role ("vem har hand om …") filtered no one out: the people shown are not said to hold it.
  const strict = q.functions.filter((fn) => !SOFT_FUNCTIONS.has(fn));
  const role = strict.length > 0 ? capitalise(functionList(input, strict)) : '';
  const where = place ? placeName(input, place) : joinList(countiesOf(input, places).map((id) => placeName(input, id)), input.lang);
  if (!role && place) return t(input, `Kontakter för ${where} (${years})`, `Contacts for ${where} (${years})`);
  const group = groups.length === 1 && groups[0] ? t(input, ` i ${groups[0]}`, ` in “${groups[0]}”`) : '';
  const forWhom = represented.length === 1 && represented[0] && q.terms.length > 0 ? t(input, ` för ${represented[0]}`, ` for “${represented[0]}”`) : '';
  return `${role || t(input, 'Kontakter', 'Contacts')}${forWhom}${group} (${where} ${years})`;
}


function functionList(input: AnswerInput, functions: ContactFunction[]): string {
  return joinList(functions.map((fn) => FUNCTION_NAMES[fn][input.lang]), input.lang).replace(input.lang === 'sv' ? / och / : / and /, input.lang === 'sv' ? ' eller ' : ' or ');
}

/** Sub-regions named with their county are the county: "Skåne", not "Sydost, Sydväst, … och Skåne". */
function countiesOf(input: AnswerInput, places: string[]): string[] {
  const county = (id: string) => {
    const place = input.store.place(id);
    return place?.parent && input.store.place(place.parent)?.kind === 'county' ? place.parent : id;
  };
  const counties = [...new Set(places.map(county))];
  return counties.length < places.length ? counties : places;
}

function placeIds(input: AnswerInput, ids: string[]): Set<string> {
  return new Set(ids.flatMap((id) => [id, ...input.store.children(id).map((child) => child.id)]));
}

function placeList(input: AnswerInput): string {
  return joinList(input.u.places.map((match) => match.place.name), input.lang);
}

function contactPlaces(input: AnswerInput): string {
  const ids = [...new Set(input.store.knowledge.contacts.map((contact) => contact.place))];
  return ids.map((id) => placeName(input, id)).join(', ');
}
