// "Vilken referenskod?", "GLN?", "och kostnadsstället?": invoice instructions, each field on its own.
import type { InvoiceFact } from '../../knowledge/model.js';
import type { InvoiceField } from '../context.js';
import { placeName, source, t, type AnswerInput } from '../answer-context.js';
import { joinList, capitalise } from '../format.js';
import { documentWords, quoteSwedish } from '../language.js';
import { emptyReply, type Reply } from '../reply.js';
import { sourceLine } from '../sources.js';
import { countyOf, resolvePlace, clarifyPlace } from './resolve.js';
import { notFound } from './unknown.js';

const FIELD_NAMES: Record<InvoiceField, [string, string]> = {
  gln: ['GLN-kod', 'GLN code'],
  referenceCode: ['referenskod', 'reference code'],
  costCentre: ['kostnadsställe', 'cost centre'],
  address: ['fakturaadress', 'invoice address'],
  paymentTerms: ['betalningsvillkor', 'payment terms'],
  heading: ['rubrik på fakturan', 'invoice heading'],
  recipientReference: ['mottagarens referens', 'recipient reference'],
  channel: ['fakturakanal', 'invoice channel'],
  period: ['faktureringsperiod', 'invoicing period'],
  requisition: ['rekvisition', 'requisition'],
  required: ['informationskrav på fakturan', 'information required on the invoice'],
  bankDetails: ['bankgiro, plusgiro eller organisationsnummer', 'bank giro, plus giro or organisation number'],
};

export function answerInvoice(input: AnswerInput): Reply {
  const { u, store } = input;
  // In English: the field's English name, the English value where the store has one, else the
  // document's Swedish quoted; a number, a name or an address as it is.
  const valueOf = (field: InvoiceFact['fields'][number]) => (input.lang === 'en' && field.valueEn ? field.valueEn : documentWords(field.value, input.lang, '(in Swedish) '));
  const labelOf = (entry: InvoiceFact, field: InvoiceFact['fields'][number]) => fieldLabel(input, entry, field);
  const resolved = resolvePlace(input);
  if (resolved.kind === 'ambiguous') return clarifyPlace(input, resolved.choices);
  const county = resolved.kind === 'place' ? countyOf(input, resolved.place) : undefined;
  const field = u.invoiceField;
  const [fieldSv, fieldEn] = field && Object.hasOwn(FIELD_NAMES, field) ? FIELD_NAMES[field] : ['fakturauppgifter', 'invoice details'];
  const hasField = (entry: InvoiceFact) => !field || (field === 'required' ? entry.requiredInformation.length > 0 : entry.fields.some((f) => f.id === field));
  const all = store.invoicing(u.year ? { year: u.year } : {}).filter(hasField);
  const candidates = county ? all.filter((entry) => entry.place === county.id) : all;
  const where = county ? ` ${t(input, 'för', 'for')} ${county.name}${u.year ? ` ${u.year}` : ''}` : u.year ? ` ${u.year}` : '';
  if (candidates.length === 0) {
    const reply = notFound(input, `${fieldSv}${where}`, `the ${fieldEn}${where}`);
    const others = [...new Set(store.invoicing().filter(hasField).map((entry) => `${placeName(input, entry.place)} ${entry.year}`))];
    reply.known = others.length > 0 ? [t(input, `${capitalise(fieldSv)} finns i dokumenten bara för ${joinList(others, 'sv')}.`, `The documents give the ${fieldEn} only for ${joinList(others, 'en')}.`)] : [];
    // What the invoice instructions do hold, by name only: another field's value is not this answer.
    for (const entry of store.invoicing().filter((e) => !county || e.place === county.id)) {
      reply.known.push(t(input, `Fakturauppgifter för ${placeName(input, entry.place)} ${entry.year}: ${entry.fields.map((f) => f.label.toLowerCase()).join(', ')}`, `Invoice details for ${placeName(input, entry.place)} ${entry.year}: ${[...new Set(entry.fields.map((f) => englishName(f.id)))].join(', ')}`));
    }
    return reply;
  }
  // The latest instructions when several years match.
  const entry = [...candidates].sort((a, b) => b.year - a.year)[0]!;
  const name = placeName(input, entry.place);
  const reply = emptyReply('invoice', input.lang, t(input, `Fakturering ${name} ${entry.year}`, `Invoicing ${name} ${entry.year}`), '');
  const assumed = county ? '' : t(input, ` (gäller ${name} ${entry.year}; det är de fakturauppgifter dokumenten har)`, ` (for ${name} ${entry.year}: the invoice details the documents hold)`);
  if (field === 'required') {
    reply.rows = entry.requiredInformation.map((line) => ({ label: t(input, 'Krav', 'Required (in Swedish)'), value: t(input, line, quoteSwedish(line)) }));
    reply.text = t(input, `Fakturan${assumed} ska innehålla: ${entry.requiredInformation.join('; ')}.`, `The invoice${assumed} must contain, in the document's words (Swedish): ${quoteSwedish(entry.requiredInformation.join('; '))}.`);
    reply.sources = entry.requiredInformationSource ? [source(input, { document: entry.document, ...entry.requiredInformationSource })] : [];
  } else if (field) {
    const found = entry.fields.filter((f) => f.id === field);
    reply.rows = found.map((f) => ({ label: labelOf(entry, f), value: valueOf(f) }));
    reply.figure = found.map(valueOf).join(', ');
    reply.text = `${capitalise(t(input, fieldSv, fieldEn))}${assumed || ` (${name} ${entry.year})`}: ${found.map(valueOf).join('; ')}.`;
    reply.sources = found.map((f) => source(input, { document: entry.document, ...f.source }));
  } else {
    reply.rows = entry.fields.map((f) => ({ label: labelOf(entry, f), value: valueOf(f) }));
    if (entry.requiredInformation.length > 0) {
      const required = entry.requiredInformation.join('; ');
      reply.rows.push({ label: t(input, 'Fakturan ska innehålla', 'The invoice must contain (in Swedish)'), value: t(input, required, quoteSwedish(required)) });
    }
    const fields = entry.fields.map((f) => `${labelOf(entry, f)}: ${valueOf(f)}`).join('. ');
    reply.text = t(
      input,
      `${entry.summary}${assumed} ${fields}.`,
      `Invoice details for ${name} ${entry.year}${assumed}: ${fields}. In the document's words (Swedish): ${quoteSwedish(entry.summary)}`,
    );
    reply.sources = [source(input, { document: entry.document, ...entry.fields[0]!.source })];
  }
  if (reply.sources.length === 0) reply.sources = [source(input, { document: entry.document, ...entry.fields[0]!.source })];
  reply.text += ` ${sourceLine(reply.sources, input.lang)}.`;
  reply.suggestions = field ? [{ title: t(input, 'Alla fakturauppgifter', 'All invoice details'), question: t(input, `Fakturauppgifter för ${name} ${entry.year}`, `Invoice details for ${name} ${entry.year}`) }] : [];
  if (store.deadlines({ place: entry.place, year: entry.year }).some((d) => d.kind === 'invoicing')) {
    reply.suggestions.push({ title: t(input, 'När ska vi fakturera?', 'When do we invoice?'), question: t(input, `När ska fakturan skickas för ${name} ${entry.year}?`, `When must the invoice be sent for ${name} ${entry.year}?`) });
  }
  return reply;
}

/** "Referenskod" in Swedish, "Reference code" in English; a part named by the document keeps its name, quoted. */
function fieldLabel(input: AnswerInput, entry: InvoiceFact, field: InvoiceFact['fields'][number]): string {
  if (input.lang === 'sv') return field.label;
  const name = capitalise(englishName(field.id));
  return entry.fields.filter((other) => other.id === field.id).length > 1 ? `${name} (printed ${quoteSwedish(field.label)})` : name;
}

function englishName(field: InvoiceField): string {
  return Object.hasOwn(FIELD_NAMES, field) ? FIELD_NAMES[field][1] : field;
}

