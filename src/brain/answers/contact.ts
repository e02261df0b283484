// "Vem är kontaktperson för Sydost?", "vem samordnar i Jämtland?".
import type { ContactFact } from '../../knowledge/model.js';
import { foldText } from '../../text/normalize.js';
import { placeName, source, t, type AnswerInput } from '../answer-context.js';
import { emptyReply, type Reply } from '../reply.js';
import { sourceLine, uniqueSections } from '../sources.js';
import { clarifyPlace, resolvePlace } from './resolve.js';
import { notFound } from './unknown.js';

export function answerContact(input: AnswerInput): Reply {
  const { u, store } = input;
  const resolved = resolvePlace(input);
  if (resolved.kind === 'ambiguous') return clarifyPlace(input, resolved.choices);
  if (resolved.kind === 'none') {
    const reply = notFound(input, 'vilken plats frågan gäller', 'which place the question is about');
    reply.kind = 'clarify';
    reply.text = t(input, 'Vilken region eller delregion gäller det? Jag har kontaktuppgifter för ', 'Which region or sub-region? I have contacts for ') + contactPlaces(input) + '.';
    return reply;
  }
  const place = resolved.place;
  const ids = [place.id, ...store.children(place.id).map((child) => child.id)];
  let contacts = store.knowledge.contacts.filter((contact) => ids.includes(contact.place) && (!u.year || contact.year === u.year));
  // "vem rapporterar för ungdomsmottagningen?": the contacts whose role names the fund, when any do.
  if (u.fund) {
    const fund = store.fund(u.fund)!;
    const names = [fund.name.sv, ...fund.synonyms].map((name) => foldText(name)).filter((name) => name.length >= 5);
    const forFund = contacts.filter((contact) => names.some((name) => foldText(contact.role).includes(name.slice(0, 12))));
    if (forFund.length > 0) contacts = forFund;
  }
  // The latest year's contacts first; older documents' people may have moved on.
  contacts = contacts.sort((a, b) => b.year - a.year);
  if (contacts.length === 0) {
    const reply = notFound(input, `någon kontaktperson för ${place.name}`, `a contact for ${place.name}`);
    reply.known = [t(input, `Kontaktuppgifter finns för ${contactPlaces(input)}.`, `Contacts exist for ${contactPlaces(input)}.`)];
    return reply;
  }
  const latestYear = contacts[0]!.year;
  const shown = contacts.filter((contact) => contact.year === latestYear);
  const reply = emptyReply('contact', input.lang, t(input, `Kontakter för ${place.name} (${latestYear})`, `Contacts for ${place.name} (${latestYear})`), '');
  reply.rows = shown.map((contact) => ({ label: contact.name ?? contact.role, value: [contact.email, contact.name ? contact.role : contact.organisation].filter(Boolean).join(' – ') }));
  reply.text = `${reply.title}: ${shown.map(describe).join('; ')}.`;
  reply.sources = uniqueSections(shown.map((contact) => source(input, { document: contact.document, ...contact.source })));
  reply.notes = [t(input, `Uppgifterna är från ${latestYear} års dokument och kan ha ändrats sedan dess.`, `These details are from the ${latestYear} document and may have changed since.`)];
  reply.text += ` ${reply.notes[0]} ${sourceLine(reply.sources, input.lang)}.`;
  return reply;

  function describe(contact: ContactFact): string {
    return [contact.name, contact.email, contact.name || contact.email ? `(${contact.role})` : contact.role].filter(Boolean).join(' ');
  }
}

function contactPlaces(input: AnswerInput): string {
  const ids = [...new Set(input.store.knowledge.contacts.map((contact) => contact.place))];
  return ids.map((id) => placeName(input, id)).join(', ');
}
