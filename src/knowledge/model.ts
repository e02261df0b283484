// The knowledge as the rest of the program sees it: validated, cross-checked, amounts parsed.
import type { Decimal } from 'decimal.js';
import type {
  Contact,
  Deadline,
  DocumentMeta,
  FocusArea,
  Figure,
  Fund,
  InvoiceInstructions,
  KeyEntry,
  Place,
  Status,
  SumCheck,
  Table,
} from './schema.js';

export interface FactSource {
  document: DocumentMeta;
  section: string;
  quote: string;
}

/** One amount: a table cell, a row total, a single printed amount, or a derived sum of parts. */
export interface AmountFact {
  id: string;
  year: number;
  place: string;
  fund: string;
  /** What the money is for when it is an item within a fund ("Case Management"). */
  label?: string;
  /** The focus area an item serves. */
  focus?: string;
  amount: Decimal;
  /** As printed in the document (for reconstructed cells: the reconstructed value). */
  printed: string;
  status: Status;
  approximate: boolean;
  part?: 'base' | 'byPopulation';
  components: AmountFact[];
  /** For reconstructed cells: what the (garbled) document text says, and why it was reconstructed. */
  /** `kept`: the printed digits the value keeps in their places, "_" for each digit solved ("_2_6828"). */
  reconstruction?: { printed: string; note: string; kept?: string; range?: { min: Decimal; max: Decimal } };
  table?: { id: string; title: string; column: string };
  source: FactSource;
}

type WithDocument<T> = T & { document: DocumentMeta };

/** A dated statement: a deadline, or any other date the document gives (see deadlineSchema). */
export type DeadlineFact = WithDocument<Deadline> & {
  /** The first day it covers: the day, the first day of the month, season, year or period. */
  start: string;
  /** The day it is due: the day, the last day of the month, season or year, or the end of the period. */
  due: string;
};
export type KeyFact = WithDocument<KeyEntry>;
export type InvoiceFact = WithDocument<InvoiceInstructions>;
export type ContactFact = WithDocument<Contact>;
export type FocusAreaFact = WithDocument<FocusArea>;
export type FigureFact = WithDocument<Figure>;
export type TableFact = WithDocument<Table>;
export type SumFact = WithDocument<SumCheck>;

export interface Knowledge {
  places: Place[];
  funds: Fund[];
  documents: DocumentMeta[];
  /** Source text of each document, by file name. */
  texts: Record<string, string>;
  amounts: AmountFact[];
  keys: KeyFact[];
  deadlines: DeadlineFact[];
  invoicing: InvoiceFact[];
  contacts: ContactFact[];
  focusAreas: FocusAreaFact[];
  figures: FigureFact[];
  tables: TableFact[];
  sums: SumFact[];
}
