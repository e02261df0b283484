// Turns the validated files into the Knowledge model: amounts parsed, tables flattened into amount
// facts, derived sums marked as derived, every reference and quote checked against its document.
import { tryParseSek } from '../allocation/money.js';
import { collapseWhitespace } from '../text/normalize.js';
import { spanOf } from './dates.js';
import { KnowledgeLoadError, type KnowledgeFiles } from './load.js';
import type { AmountFact, DeadlineFact, FactSource, Knowledge, TableFact } from './model.js';
import type { Cell, Deadline, DocumentMeta, Table } from './schema.js';

export function buildKnowledge(files: KnowledgeFiles): Knowledge {
  const problems: string[] = [];
  const knowledge: Knowledge = {
    places: files.places,
    funds: files.funds,
    documents: [],
    texts: {},
    amounts: [],
    keys: [],
    deadlines: [],
    invoicing: [],
    contacts: [],
    focusAreas: [],
    figures: [],
    tables: [],
    sums: [],
  };
  const placeIds = uniqueIds('places.json', files.places, problems);
  const fundIds = uniqueIds('funds.json', files.funds, problems);
  for (const place of files.places) {
    if (place.parent && !placeIds.has(place.parent)) problems.push(`places.json: ${place.id}: unknown parent place "${place.parent}"`);
  }
  const factIds = new Set<string>();

  for (const { file, data, text } of files.documents) {
    const document = data.document;
    const where = (path: string) => `${file}: ${path}`;
    const normalizedText = collapseWhitespace(text);
    const checkQuote = (path: string, quote: string) => {
      if (!normalizedText.includes(collapseWhitespace(quote))) problems.push(`${where(path)}: the quote is not in ${document.file}: "${quote}"`);
    };
    const checkPlace = (path: string, id: string) => {
      if (!placeIds.has(id)) problems.push(`${where(path)}: unknown place "${id}"`);
    };
    const checkFund = (path: string, id: string) => {
      if (!fundIds.has(id)) problems.push(`${where(path)}: unknown fund "${id}"`);
    };
    const claimId = (path: string, id: string) => {
      if (factIds.has(id)) problems.push(`${where(path)}: the id "${id}" is used twice`);
      factIds.add(id);
    };
    const parseAmount = (path: string, printed: string) => {
      const amount = tryParseSek(printed);
      if (!amount) problems.push(`${where(path)}: "${printed}" is not an amount`);
      return amount;
    };

    checkPlace('document.place', document.place);
    knowledge.documents.push(document);
    knowledge.texts[document.file] = text;

    data.tables.forEach((table, t) => {
      const path = `tables[${t}]`;
      claimId(path, table.id);
      table.columns.forEach((column, c) => checkFund(`${path}.columns[${c}]`, column.fund));
      if (table.total) checkFund(`${path}.total`, table.total.fund);
      knowledge.tables.push({ ...table, document });
      const rows = table.columnTotals ? [...table.rows, table.columnTotals] : table.rows;
      rows.forEach((row, r) => {
        const rowPath = r < table.rows.length ? `${path}.rows[${r}]` : `${path}.columnTotals`;
        checkPlace(rowPath, row.place);
        checkQuote(`${rowPath}.quote`, row.quote);
        for (const key of Object.keys(row.cells)) {
          if (!table.columns.some((column) => column.id === key)) problems.push(`${where(rowPath)}.cells: unknown column "${key}"`);
        }
        const components: AmountFact[] = [];
        for (const column of table.columns) {
          const cell = row.cells[column.id];
          if (cell === undefined) continue;
          const fact = cellFact(cell, `${rowPath}.cells.${column.id}`, {
            id: `${table.id}/${row.place}/${column.id}`,
            fund: column.fund,
            ...(column.part ? { part: column.part } : {}),
            table: { id: table.id, title: table.title, column: column.label },
          });
          if (fact) components.push(fact);
        }
        knowledge.amounts.push(...components, ...derivedFundSums(table, row.place, components));
        if (row.total !== undefined && table.total) {
          const total = cellFact(row.total, `${rowPath}.total`, {
            id: `${table.id}/${row.place}/total`,
            fund: table.total.fund,
            table: { id: table.id, title: table.title, column: table.total.label },
          });
          if (total) knowledge.amounts.push({ ...total, components });
        }

        function cellFact(cell: Cell, cellPath: string, fields: Pick<AmountFact, 'id' | 'fund' | 'part' | 'table'>): AmountFact | undefined {
          const printed = typeof cell === 'string' ? cell : cell.value;
          const amount = parseAmount(cellPath, printed);
          if (!amount) return undefined;
          const source: FactSource = { document, section: table.section, quote: row.quote };
          return {
            ...fields,
            year: table.year,
            place: row.place,
            amount,
            printed,
            status: typeof cell === 'string' ? 'stated' : 'reconstructed',
            approximate: false,
            components: [],
            ...(typeof cell === 'string' ? {} : { reconstruction: { printed: cell.printed, note: cell.note, ...(cell.kept === undefined ? {} : { kept: cell.kept }), ...(cell.range ? { range: { min: parseAmount(`${cellPath}.range.min`, cell.range.min)!, max: parseAmount(`${cellPath}.range.max`, cell.range.max)! } } : {}) } }),
            source,
          };
        }
      });
    });

    data.amounts.forEach((entry, i) => {
      const path = `amounts[${i}]`;
      claimId(path, entry.id);
      checkPlace(path, entry.place);
      checkFund(path, entry.fund);
      if (entry.focus) checkFund(`${path}.focus`, entry.focus);
      checkQuote(`${path}.source.quote`, entry.source.quote);
      const amount = parseAmount(`${path}.amount`, entry.amount);
      if (!amount) return;
      knowledge.amounts.push({
        id: entry.id,
        year: entry.year,
        place: entry.place,
        fund: entry.fund,
        ...(entry.label ? { label: entry.label } : {}),
        ...(entry.focus ? { focus: entry.focus } : {}),
        amount,
        printed: entry.amount,
        status: 'stated',
        approximate: entry.approximate,
        components: [],
        source: { document, ...entry.source },
      });
    });

    data.keys.forEach((entry, i) => {
      const path = `keys[${i}]`;
      claimId(path, entry.id);
      checkPlace(path, entry.place);
      checkFund(path, entry.fund);
      entry.verifyAgainst.forEach((place) => checkPlace(`${path}.verifyAgainst`, place));
      checkQuote(`${path}.source.quote`, entry.source.quote);
      parseAmount(`${path}.pot`, entry.pot);
      knowledge.keys.push({ ...entry, document });
    });

    data.deadlines.forEach((entry, i) => {
      const path = `deadlines[${i}]`;
      claimId(path, entry.id);
      checkPlace(path, entry.place);
      checkQuote(`${path}.source.quote`, entry.source.quote);
      if (entry.printed && !collapseWhitespace(entry.source.quote).includes(collapseWhitespace(entry.printed))) {
        problems.push(`${where(path)}.printed: "${entry.printed}" is not in the quote`);
      }
      const span = spanOf(entry.when);
      if (!span) problems.push(`${where(path)}.when: not a real date`);
      else knowledge.deadlines.push({ ...entry, ...span, document } satisfies DeadlineFact);
    });

    data.invoicing.forEach((entry, i) => {
      const path = `invoicing[${i}]`;
      claimId(path, entry.id);
      checkPlace(path, entry.place);
      entry.fields.forEach((field, f) => checkQuote(`${path}.fields[${f}].source.quote`, field.source.quote));
      if (entry.requiredInformationSource) checkQuote(`${path}.requiredInformationSource.quote`, entry.requiredInformationSource.quote);
      knowledge.invoicing.push({ ...entry, document });
    });

    for (const [name, list] of [
      ['contacts', data.contacts],
      ['focusAreas', data.focusAreas],
      ['figures', data.figures],
    ] as const) {
      list.forEach((entry, i) => {
        const path = `${name}[${i}]`;
        claimId(path, entry.id);
        checkPlace(path, entry.place);
        if ('fund' in entry) checkFund(path, entry.fund);
        checkQuote(`${path}.source.quote`, entry.source.quote);
      });
    }
    // A person's name, e-mail and phone are the document's own: each is in its quote. Who took over
    // from whom names someone the same document gives.
    data.contacts.forEach((entry, i) => {
      const quote = collapseWhitespace(entry.source.quote).toLowerCase();
      for (const field of ['name', 'email', 'phone'] as const) {
        const value = entry[field];
        if (value && !quote.includes(collapseWhitespace(value).toLowerCase())) problems.push(`${where(`contacts[${i}].${field}`)}: "${value}" is not in the quote`);
      }
      if (entry.takesOverFrom && !data.contacts.some((other) => other.name === entry.takesOverFrom)) {
        problems.push(`${where(`contacts[${i}].takesOverFrom`)}: no contact named "${entry.takesOverFrom}" in ${document.file}`);
      }
    });
    knowledge.contacts.push(...data.contacts.map((entry) => ({ ...entry, document })));
    knowledge.focusAreas.push(...data.focusAreas.map((entry) => ({ ...entry, document })));
    knowledge.figures.push(...data.figures.map((entry) => ({ ...entry, document })));
    knowledge.sums.push(...data.sums.map((entry) => ({ ...entry, document })));
  }

  for (const sum of knowledge.sums) {
    for (const id of [sum.total, ...sum.parts]) {
      if (!knowledge.amounts.some((amount) => amount.id === id)) problems.push(`${sum.document.file}: sums ${sum.id}: unknown amount "${id}"`);
    }
  }
  if (problems.length > 0) throw new KnowledgeLoadError(problems);
  return knowledge;
}

/** A fund split into an equal base and a share by population is answered as their sum, marked derived. */
function derivedFundSums(table: Table, place: string, cells: AmountFact[]): AmountFact[] {
  const byFund = new Map<string, AmountFact[]>();
  for (const cell of cells) {
    if (!cell.part) continue;
    byFund.set(cell.fund, [...(byFund.get(cell.fund) ?? []), cell]);
  }
  const sums: AmountFact[] = [];
  for (const [fund, parts] of byFund) {
    if (parts.length < 2) continue;
    const first = parts[0]!;
    sums.push({
      id: `${table.id}/${place}/${fund}/sum`,
      year: table.year,
      place,
      fund,
      amount: parts.slice(1).reduce((sum, part) => sum.plus(part.amount), first.amount),
      printed: '',
      status: 'derived',
      approximate: false,
      components: parts,
      table: { id: table.id, title: table.title, column: parts.map((part) => part.table?.column ?? '').join(' + ') },
      source: first.source,
    });
  }
  return sums;
}

/** The day a deadline is due: the day, the last day of the month, season or year, or the end of the period. */
export function dueDate(deadline: Pick<Deadline, 'when'>): string | undefined {
  return spanOf(deadline.when)?.due;
}

function uniqueIds(file: string, items: { id: string }[], problems: string[]): Set<string> {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) problems.push(`${file}: the id "${item.id}" is used twice`);
    ids.add(item.id);
  }
  return ids;
}

export type { DocumentMeta, TableFact };
