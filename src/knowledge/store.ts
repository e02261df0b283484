// The query API the bot uses: what the documents say about a place, a fund, a year, and what the
// store knows at all (so the bot can say what it does know when it cannot answer).
import { foldText } from '../text/normalize.js';
import { splitPassages, type Passage } from './passages.js';
import { PlaceIndex, type PlaceMatch } from './places.js';
import type { AmountFact, ContactFact, DeadlineFact, FigureFact, FocusAreaFact, InvoiceFact, KeyFact, Knowledge, TableFact } from './model.js';
import type { Fund, Place, Table } from './schema.js';

export interface FactQuery {
  place?: string;
  fund?: string;
  year?: number;
}

/** A printed line of a table: a row of a place, or the column-total row. */
export type TableRow = Table['rows'][number] | NonNullable<Table['columnTotals']>;

export interface TableLine {
  table: TableFact;
  row: TableRow;
  /** The row of the table's printed column totals ("Totalt Skane"). */
  columnTotals: boolean;
}

export class KnowledgeStore {
  readonly placeIndex: PlaceIndex;
  readonly passages: Passage[];
  private readonly placesById: Map<string, Place>;
  private readonly fundsById: Map<string, Fund>;
  /** Amounts by place: most questions are about one place. */
  private readonly amountsByPlace = new Map<string, AmountFact[]>();
  private readonly amountsById: Map<string, AmountFact>;
  private readonly amountsByTable = new Map<string, AmountFact[]>();
  private readonly keysById: Map<string, KeyFact>;
  private readonly tablesById: Map<string, TableFact>;
  /** The deadlines earliest first, sorted once (the sort is stable: a filter of it keeps the order). */
  private readonly deadlinesByDue: DeadlineFact[];
  private readonly childrenById = new Map<string, Place[]>();
  private readonly yearsAboutPlace = new Map<string, number[]>();

  constructor(readonly knowledge: Knowledge) {
    // A word the documents use ("säker", "medel") is that word, not a misspelt place ("Säter", "Mora").
    const documentWords = new Set(Object.values(knowledge.texts).flatMap((text) => foldText(text).split(/[^a-z0-9-]+/)));
    this.placeIndex = new PlaceIndex(knowledge.places, documentWords);
    this.placesById = new Map(knowledge.places.map((place) => [place.id, place]));
    this.fundsById = new Map(knowledge.funds.map((fund) => [fund.id, fund]));
    this.passages = knowledge.documents.flatMap((document) => splitPassages(document, knowledge.texts[document.file] ?? ''));
    for (const fact of knowledge.amounts) this.amountsByPlace.set(fact.place, [...(this.amountsByPlace.get(fact.place) ?? []), fact]);
    this.amountsById = new Map(knowledge.amounts.map((fact) => [fact.id, fact]));
    for (const fact of knowledge.amounts) if (fact.table) this.amountsByTable.set(fact.table.id, [...(this.amountsByTable.get(fact.table.id) ?? []), fact]);
    this.keysById = new Map(knowledge.keys.map((key) => [key.id, key]));
    this.tablesById = new Map(knowledge.tables.map((table) => [table.id, table]));
    this.deadlinesByDue = [...knowledge.deadlines].sort((a, b) => a.due.localeCompare(b.due));
    for (const place of knowledge.places) if (place.parent) this.childrenById.set(place.parent, [...(this.childrenById.get(place.parent) ?? []), place]);
  }

  amount(id: string): AmountFact | undefined {
    return this.amountsById.get(id);
  }

  key(id: string): KeyFact | undefined {
    return this.keysById.get(id);
  }

  table(id: string): TableFact | undefined {
    return this.tablesById.get(id);
  }

  /** The table line a figure is printed in (for a derived sum: the line of its parts). */
  tableLine(fact: AmountFact): TableLine | undefined {
    const table = fact.table ? this.tablesById.get(fact.table.id) : undefined;
    if (!table) return undefined;
    if (table.columnTotals?.place === fact.place) return { table, row: table.columnTotals, columnTotals: true };
    const row = table.rows.find((candidate) => candidate.place === fact.place);
    return row ? { table, row, columnTotals: false } : undefined;
  }

  /**
   * What the table's column-total row gives for the column a figure is in: the printed column total
   * (the grand total for the row-total column), or for a derived sum the same sum of printed totals.
   */
  columnTotal(fact: AmountFact): AmountFact | undefined {
    const line = this.tableLine(fact);
    const place = line?.table.columnTotals?.place;
    if (!line || !place) return undefined;
    return this.amountsByTable.get(line.table.id)?.find((other) => other.place === place && other.table!.column === fact.table!.column);
  }

  /** The figures of every row of the table in the column a column-total figure totals. */
  columnCells(total: AmountFact): AmountFact[] {
    const line = this.tableLine(total);
    if (!line?.columnTotals) return [];
    return (this.amountsByTable.get(line.table.id) ?? []).filter((other) => other.place !== total.place && other.table!.column === total.table!.column);
  }

  /** The table row that adds up to an amount the document states only roughly ("drygt 18 mkr"). */
  approximatedBy(total: AmountFact): AmountFact[] {
    for (const table of this.knowledge.tables) {
      if (!table.checks.some((check) => check.kind === 'approximateTotal' && check.amount === total.id)) continue;
      return (this.amountsByTable.get(table.id) ?? []).filter((cell) => cell.place === total.place && table.columns.some((column) => column.label === cell.table!.column));
    }
    return [];
  }

  place(id: string): Place | undefined {
    return this.placesById.get(id);
  }

  fund(id: string): Fund | undefined {
    return this.fundsById.get(id);
  }

  findPlaces(name: string): PlaceMatch[] {
    return this.placeIndex.find(name);
  }

  /** Places directly under a place (the municipalities of a county, the sub-regions of Skåne). */
  children(id: string): Place[] {
    return [...(this.childrenById.get(id) ?? [])];
  }

  amounts(query: FactQuery = {}): AmountFact[] {
    const candidates = query.place ? (this.amountsByPlace.get(query.place) ?? []) : this.knowledge.amounts;
    return candidates.filter((fact) => matches(fact, query));
  }

  keys(query: FactQuery = {}): KeyFact[] {
    return this.knowledge.keys.filter((fact) => matches(fact, query));
  }

  /** Deadlines due within [from, to] (ISO dates, inclusive), earliest first. */
  deadlines(query: FactQuery & { from?: string; to?: string } = {}): DeadlineFact[] {
    return this.deadlinesByDue.filter((fact) => matches(fact, query) && (!query.from || fact.due >= query.from) && (!query.to || fact.due <= query.to));
  }

  invoicing(query: FactQuery = {}): InvoiceFact[] {
    return this.knowledge.invoicing.filter((fact) => matches(fact, query));
  }

  focusAreas(query: FactQuery = {}): FocusAreaFact[] {
    return this.knowledge.focusAreas.filter((fact) => matches(fact, query));
  }

  contacts(query: FactQuery = {}): ContactFact[] {
    return this.knowledge.contacts.filter((fact) => matches(fact, query));
  }

  figures(query: FactQuery = {}): FigureFact[] {
    return this.knowledge.figures.filter((fact) => matches(fact, query));
  }

  /** Years for which the store holds amounts for a place (all years when no place is given). */
  amountYears(place?: string): number[] {
    return uniqueSorted((place ? (this.amountsByPlace.get(place) ?? []) : this.knowledge.amounts).map((fact) => fact.year));
  }

  /** Years of any fact about a place or its children. */
  yearsAbout(place: string): number[] {
    let years = this.yearsAboutPlace.get(place);
    if (!years) this.yearsAboutPlace.set(place, (years = this.readYearsAbout(place)));
    return [...years];
  }

  private readYearsAbout(place: string): number[] {
    const ids = new Set([place, ...this.children(place).map((child) => child.id)]);
    const all = [
      ...this.knowledge.amounts,
      ...this.knowledge.deadlines,
      ...this.knowledge.invoicing,
      ...this.knowledge.focusAreas,
      ...this.knowledge.contacts,
      ...this.knowledge.figures,
    ];
    return uniqueSorted(all.filter((fact) => ids.has(fact.place)).map((fact) => fact.year));
  }

  /** Places the store holds amounts for. */
  placesWithAmounts(): Place[] {
    const ids = new Set(this.knowledge.amounts.map((fact) => fact.place));
    return this.knowledge.places.filter((place) => ids.has(place.id));
  }

  /** Counts for health checks and the welcome card. */
  counts(): Record<string, number> {
    const k = this.knowledge;
    return {
      documents: k.documents.length,
      places: k.places.length,
      amounts: k.amounts.length,
      deadlines: k.deadlines.length,
      invoicing: k.invoicing.length,
      contacts: k.contacts.length,
      focusAreas: k.focusAreas.length,
      figures: k.figures.length,
      passages: this.passages.length,
    };
  }
}

function matches(fact: { place: string; year: number; fund?: string }, query: FactQuery): boolean {
  return (!query.place || fact.place === query.place) && (!query.year || fact.year === query.year) && (!query.fund || fact.fund === query.fund);
}

function uniqueSorted(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
