// Sources: every document whose fact a reply uses is named in its source line (chat and card) and
// listed with its section; every quote shown is the document's own text, without Word residue, and a
// table row shows each figure under its column heading.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Reply, SourceRef } from '../../src/brain/reply.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/index.js';
import { cleanQuote } from '../../src/text/normalize.js';
import { converse, store } from './ask.js';
import { allReplies } from './replies.js';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const texts = new Map(store.knowledge.documents.map((document) => [document.file, cleanQuote(readFileSync(new URL(`sources/${document.file}`, `file://${DEFAULT_KNOWLEDGE_DIR}/`), 'utf8'))]));

/** The documents (file and section) of every fact the reply's provenance names. */
function usedSections(reply: Reply): { file: string; title: string; section: string; fact: string }[] {
  return reply.provenance.flatMap((claim) =>
    claim.facts.map((id) => {
      const amount = store.amount(id);
      const key = store.key(id);
      const table = store.table(id);
      const document = amount?.source.document ?? key?.document ?? table!.document;
      const model = table?.checks.find((check) => check.kind === 'basePlusShare');
      const section = amount?.source.section ?? key?.source.section ?? (model?.kind === 'basePlusShare' ? model.statedIn.section : '');
      return { file: document.file, title: document.title, section, fact: id };
    }),
  );
}

/** The source line at the end of the chat text. */
function textSourceLine(reply: Reply): string {
  const label = reply.lang === 'sv' ? 'Källa: ' : 'Source: ';
  const at = reply.text.lastIndexOf(label);
  return at < 0 ? '' : reply.text.slice(at);
}

/** Why a shown quote is not the document's text; empty when it is. */
function notInDocument(source: SourceRef): string[] {
  const text = texts.get(source.file)!;
  const quote = cleanQuote(source.quote);
  if (quote === cleanQuote(source.title) || text.includes(quote)) return [];
  // A table row: "Label — Heading printed · Heading printed · …", each figure as printed under its heading.
  const headings = store.knowledge.tables.filter((table) => table.document.file === source.file).flatMap((table) => [...table.columns.map((column) => column.label), ...(table.total ? [table.total.label] : [])]);
  const [label, figures] = quote.includes(' — ') ? quote.split(' — ') : ['', quote];
  const problems = label && !text.includes(label) ? [`row label "${label}" is not in ${source.file}`] : [];
  for (const piece of figures!.split(' · ')) {
    const heading = headings.filter((h) => piece.startsWith(`${h} `)).sort((a, b) => b.length - a.length)[0];
    if (!heading) problems.push(`"${piece}" has no column heading of ${source.file}`);
    else if (!text.includes(piece.slice(heading.length + 1))) problems.push(`"${piece}" is not printed in ${source.file}`);
  }
  return problems;
}

describe('every source line lists every document whose facts the reply used', () => {
  const withSources = allReplies.filter(({ reply }) => reply.sources.length > 0 || reply.provenance.length > 0);

  it('covers replies that use more than one document', () => {
    const several = withSources.filter(({ reply }) => new Set(usedSections(reply).map((used) => used.file)).size > 1);
    expect(several.map((asked) => asked.name)).toEqual(expect.arrayContaining(['hur räknades Dalarnas samsjuklighetsbelopp ut?', 'jämför Dalarna och Jämtland 2020']));
  });

  it.each(withSources.map((asked) => [asked.name, asked] as const))('%s', (_name, { reply, cardSourceLine }) => {
    const chat = textSourceLine(reply);
    for (const used of usedSections(reply)) {
      expect(reply.sources.some((source) => source.file === used.file && source.section === used.section), `${used.fact}: ${used.file} "${used.section}" listed`).toBe(true);
    }
    for (const source of reply.sources) {
      expect(chat, `the chat's source line names ${source.title}`).toContain(`${source.title} (${source.origin})`);
      expect(chat, `the chat's source line gives the section ${source.section}`).toContain(source.section);
      expect(cardSourceLine ?? '', `the card's source line names ${source.title}`).toContain(plain(`${source.title} (${source.origin})`));
    }
  });
});

describe('every quote shown is the document’s own text', () => {
  const sources = allReplies.flatMap(({ name, reply }) => [...reply.sources, ...(reply.quote ? [reply.quote] : [])].map((source) => [name, source] as const));

  it.each(sources)('%s', (_name, source) => {
    expect(source.quote).not.toMatch(/\[(bookmark|image):|\t/);
    expect(notInDocument(source)).toEqual([]);
  });

  it('shows a table row with its column headings', () => {
    const mellersta = store.amounts({ place: 'skane-mellersta', year: 2023, fund: 'delregion' })[0]!;
    const reply = allReplies.find((asked) => asked.name === 'mellersta skåne belopp')!.reply;
    const row = store.tableLine(mellersta)!.row;
    const samverkan = row.cells['samverkan']!;
    expect(reply.sources[0]!.quote).toContain(`Mellersta — Samverkan bas ${row.cells['samverkan-bas']} · Samverkan ${typeof samverkan === 'string' ? samverkan : samverkan.printed} ·`);
  });

  it('shows no Word residue in the Jämtland table, and only the cell asked for', () => {
    const reply = allReplies.find((asked) => asked.name === 'hur mycket får jämtland för samsjuklighet?')!.reply;
    expect(reply.sources[0]!.quote).toMatch(/^I Stärkt samverkan för personer med samsjuklighet 6 203 183, 05$/);
  });

  it('quotes a part of a row by its own cell, not by the parts that answer other questions', () => {
    // Dalarna 2020, Falun's row: 1 150 872,72 kr for action plans, 575 436,36 kr for knowledge-based care.
    const reply = converse(['Hur mycket får Falun för kunskapsbaserad vård 2020?']);
    const quote = reply.sources.map((source) => source.quote).join(' ');
    expect(quote).toMatch(/575 ?436,36/);
    expect(quote).not.toMatch(/1 ?150 ?872/);
  });
});
