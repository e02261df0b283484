// Where an answer comes from: a source for every fact it uses, quoted as a person reads it (no Word
// residue, a table row with its column headings), and one source line naming every document.
import type { AmountFact, FactSource } from '../knowledge/model.js';
import type { Cell } from '../knowledge/schema.js';
import type { KnowledgeStore, TableLine } from '../knowledge/store.js';
import { cleanQuote } from '../text/normalize.js';
import type { Lang } from './format.js';
import type { Claim, Provenance } from './provenance.js';
import type { Reply, SourceRef } from './reply.js';

/** A fact's document, section and quote as the reply shows them. */
export function sourceOf(store: KnowledgeStore, fact: FactSource): SourceRef {
  const document = fact.document;
  const place = store.place(document.place);
  const origin = place?.aliases.find((alias) => /^Region /.test(alias)) ?? place?.name ?? document.place;
  return {
    file: document.file,
    title: document.title,
    origin: `${origin}, ${document.date ?? document.year}`,
    section: fact.section,
    quote: cleanQuote(fact.quote),
  };
}

/** Amounts' sources, worked out once: a row's labelled text is the same for every question. */
const amountSources = new WeakMap<AmountFact, SourceRef>();

/** An amount's source: a table figure is quoted by its whole row, each figure under its column heading. */
export function amountSource(store: KnowledgeStore, fact: AmountFact): SourceRef {
  let known = amountSources.get(fact);
  if (!known) {
    const line = store.tableLine(fact);
    const source = sourceOf(store, fact.source);
    known = line ? { ...source, quote: labelledRow(line, fact.table!.column) } : source;
    amountSources.set(fact, known);
  }
  return { ...known };
}

/**
 * "Mellersta — Samverkan bas 1000000 · Samverkan 183271 · … · Summa delregion 8422551": the row as
 * printed (garbled cells as their printed text), its label as the document prints it. A figure of one
 * column ("Faluns del för handlingsplaner") is quoted by that cell alone: the row's other parts answer
 * other questions.
 */
function labelledRow(line: TableLine, column: string): string {
  const cells = printedCells(line);
  const own = line.table.total?.label === column ? [] : cells.filter((cell) => cell.heading === column);
  const figures = (own.length > 0 ? own : cells).map((cell) => `${cell.heading} ${cell.text}`).join(' · ');
  const label = printedRowName(line);
  return label ? `${label} — ${figures}` : figures;
}

/** The row's label as the document prints it ("Totalt Skane", "Nordvist"), when the row has one. */
export function printedRowName(line: TableLine): string {
  const first = printedCells(line)[0];
  const quote = cleanQuote(line.row.quote);
  const at = first ? quote.indexOf(first.text) : -1;
  const label = at > 0 ? quote.slice(0, at).trim() : '';
  return /\p{L}/u.test(label) ? label : '';
}

/** The row's printed figures under their column headings, the row total last. */
function printedCells({ table, row }: TableLine): { heading: string; text: string }[] {
  const printed = (cell: Cell) => cleanQuote(typeof cell === 'string' ? cell : cell.printed);
  const cells = table.columns.filter((column) => row.cells[column.id] !== undefined).map((column) => ({ heading: column.label, text: printed(row.cells[column.id]!) }));
  if (row.total !== undefined && table.total) cells.push({ heading: table.total.label, text: printed(row.total) });
  return cells;
}

/** The sources of every fact the claims name, one per document section, in the order the facts are used. */
export function sourcesOfClaims(store: KnowledgeStore, claims: readonly Claim[]): SourceRef[] {
  const sources: SourceRef[] = [];
  for (const id of claims.flatMap((claim) => [...claim.facts, ...(claim.minus ?? []), ...(claim.of ?? [])])) {
    const source = factSource(store, id);
    if (source) sources.push(source);
  }
  return uniqueSections(sources);
}

function factSource(store: KnowledgeStore, id: string): SourceRef | undefined {
  const amount = store.amount(id);
  if (amount) return amountSource(store, amount);
  const key = store.key(id);
  if (key) return sourceOf(store, { document: key.document, ...key.source });
  const table = store.table(id);
  const model = table?.checks.find((check) => check.kind === 'basePlusShare');
  return table && model?.kind === 'basePlusShare' ? sourceOf(store, { document: table.document, ...model.statedIn }) : undefined;
}

/** The first source of each document section. */
export function uniqueSections(sources: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key = `${source.file}\u0000${source.section}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "Källa: <title> (Region Dalarna, 2020), 1. Belopp; <title> (Region Jämtland Härjedalen, 2020), Bakgrund". */
export function sourceLine(sources: readonly SourceRef[], lang: Lang): string {
  const documents = new Map<string, { source: SourceRef; sections: string[] }>();
  for (const source of sources) {
    const entry = documents.get(source.file) ?? { source, sections: [] };
    if (!entry.sections.includes(source.section)) entry.sections.push(source.section);
    documents.set(source.file, entry);
  }
  if (documents.size === 0) return '';
  const label = lang === 'sv' ? 'Källa' : 'Source';
  return `${label}: ${[...documents.values()].map(({ source, sections }) => `${source.title} (${source.origin}), ${sections.join(', ')}`).join('; ')}`;
}

/** The last step of an amount reply: the marks' legend, the claims, the sources and the source line. */
export function finishReply(store: KnowledgeStore, reply: Reply, say: Provenance, facts: AmountFact[]): Reply {
  reply.notes.push(...say.legend(facts));
  if (reply.notes.length > 0) reply.text += ` ${reply.notes.join(' ')}`;
  reply.provenance = say.claims;
  reply.sources = sourcesOfClaims(store, say.claims);
  reply.text += ` ${sourceLine(reply.sources, reply.lang)}.`;
  return reply;
}
