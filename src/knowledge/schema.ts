// The shape of the knowledge data files (src/knowledge/data). Coordinators edit these files;
// everything here is validated at load, so a typo stops start-up with a message, never a wrong answer.
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case id: letters, digits and dashes');
const year = z.number().int().min(2000).max(2100);
/** An ISO date (YYYY-MM-DD). */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');
/** An amount exactly as printed in the document ("7 649 410,97 kr", "200 Mkr", "1000 000"). */
const printedAmount = z.string().min(1);

/** Where a fact comes from. The quote must occur in the document (whitespace-insensitive). */
export const sourceSchema = z.strictObject({
  section: z.string().min(1),
  quote: z.string().min(1),
});

/**
 * stated: printed in the document; reconstructed: the printed text is illegible and the value was
 * solved with the allocation core; derived: computed, never to be presented as a document figure.
 */
export const statusSchema = z.enum(['stated', 'reconstructed', 'derived']);

export const placeKindSchema = z.enum(['country', 'county', 'municipality', 'subregion', 'organisation']);

export const placeSchema = z.strictObject({
  id,
  kind: placeKindSchema,
  name: z.string().min(1),
  /** The English name, where English has its own ("Sweden"); otherwise the name is used in English too. */
  nameEn: z.string().min(1).optional(),
  /** Other names people use: "Region Dalarna", "Dalarnas län", "Malung". */
  aliases: z.array(z.string().min(1)).default([]),
  /** The county (or country) the place belongs to. */
  parent: id.optional(),
});

export const fundSchema = z.strictObject({
  id,
  name: z.object({ sv: z.string().min(1), en: z.string().min(1) }),
  /** Words and phrases people and the documents use for this fund or focus area. */
  synonyms: z.array(z.string().min(1)).default([]),
  /** Who receives it: the county jointly (länsgemensamma medel) or each municipality. */
  recipients: z.enum(['county', 'municipality', 'subregion', 'national', 'other']),
  /** A total over other funds ("Avrundat belopp", "TOTALT", "Summa delregion"): the default answer for a place. */
  aggregate: z.boolean().default(false),
});

/** A table cell: the printed text, or a reconstruction of an illegible cell. */
export const cellSchema = z.union([
  printedAmount,
  z.strictObject({
    printed: z.string(),
    value: printedAmount,
    status: z.literal('reconstructed'),
    /** When the legible figures do not pin the last krona: the range the model allows. */
    range: z.strictObject({ min: printedAmount, max: printedAmount }).optional(),
    /**
     * The value's digits that the print shows in their place, "_" for each digit solved: "2206828"
     * reconstructed as 4 246 828 keeps "_2_6828". The reconstruction must keep them. Absent: none.
     */
    kept: z.string().regex(/^[0-9_]+$/, 'digits and "_" (a digit solved)').optional(),
    note: z.string().min(1),
  }),
]);

export const tableColumnSchema = z.strictObject({
  id,
  label: z.string().min(1),
  fund: id,
  /** A part of a fund (the equal base, the part by population). */
  part: z.enum(['base', 'byPopulation']).optional(),
});

export const tableRowSchema = z.strictObject({
  place: id,
  quote: z.string().min(1),
  cells: z.record(z.string(), cellSchema),
  total: cellSchema.optional(),
});

/** How the table's figures relate: checked by the allocation core at load. */
export const tableCheckSchema = z.discriminatedUnion('kind', [
  /** Each row total equals the sum of its cells, rounded as stated. */
  z.strictObject({ kind: z.literal('rowTotals'), rounding: z.enum(['ore', 'krona']), tolerance: z.string().default('0') }),
  /** Each column total equals the sum of the column. */
  z.strictObject({ kind: z.literal('columnTotals'), tolerance: z.string().default('0') }),
  /** Columns stand in a fixed ratio in every row (an observed pattern unless the document states it). */
  z.strictObject({
    kind: z.literal('ratio'),
    columns: z.array(id).min(2),
    ratio: z.array(z.number().positive()).min(2),
    tolerance: z.string(),
    stated: z.boolean(),
  }),
  /** The row adds up to an amount the document states only roughly ("drygt 18 mkr"): amount ≤ sum ≤ amount + within. */
  z.strictObject({ kind: z.literal('approximateTotal'), amount: id, within: printedAmount }),
  /**
   * Each row gets an equal base per column plus its population's share of each column's pot (the
   * printed column total); whole kronor, row totals rounded from the unrounded parts. Garbled cells
   * are solved by finding the whole-number populations that print every legible figure.
   */
  z.strictObject({
    kind: z.literal('basePlusShare'),
    columns: z.array(z.strictObject({ base: id.optional(), share: id, baseAmount: printedAmount })),
    /** The range the rows' total population is searched in, and why: the document does not state it. */
    population: z
      .strictObject({ min: z.number().int().positive(), max: z.number().int().positive(), reason: z.string().min(1) })
      .refine((range) => range.min <= range.max, 'min must not exceed max'),
    /** Where the document states the model. */
    statedIn: sourceSchema,
  }),
]);

/** A discrepancy the document really contains, recorded so the check stays green and honest. */
export const knownDiscrepancySchema = z.strictObject({
  check: z.string().min(1),
  where: z.string().min(1),
  /** Printed minus computed, in kronor ("-1"): when given, the discrepancy must be exactly this size. */
  difference: z.string().regex(/^-?\d+(\.\d+)?$/).optional(),
  explanation: z.string().min(1),
});

export const tableSchema = z.strictObject({
  id,
  title: z.string().min(1),
  year,
  section: z.string().min(1),
  columns: z.array(tableColumnSchema).min(1),
  /** The row total column, when the table has one, and the fund it stands for. */
  total: z.strictObject({ label: z.string().min(1), fund: id }).optional(),
  rows: z.array(tableRowSchema).min(1),
  columnTotals: z
    .strictObject({ place: id, quote: z.string().min(1), cells: z.record(z.string(), cellSchema), total: cellSchema.optional() })
    .optional(),
  checks: z.array(tableCheckSchema).default([]),
  knownDiscrepancies: z.array(knownDiscrepancySchema).default([]),
});

/** A single amount printed outside a table (a national pot, a Skåne-wide item). */
export const amountSchema = z.strictObject({
  id,
  year,
  place: id,
  fund: id,
  /** What the money is for, in the document's words, when it is an item within a fund. */
  label: z.string().min(1).optional(),
  /** The focus area an item serves, when the fund is a pool of items (Skåne-wide work). */
  focus: id.optional(),
  amount: printedAmount,
  /** "drygt 18 mkr": an approximate figure, stated as such. */
  approximate: z.boolean().default(false),
  source: sourceSchema,
});

/** Stated amounts that must add up: the parts of a whole printed elsewhere in the document. */
export const sumCheckSchema = z.strictObject({
  id,
  total: id,
  parts: z.array(id).min(2),
});

export const distributionKeySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('basePlusProRata'), base: printedAmount, weight: z.enum(['population', 'population0to25']) }),
  z.strictObject({ type: z.literal('proRata'), weight: z.enum(['population', 'population0to25']) }),
  z.strictObject({
    type: z.literal('fixed'),
    amount: printedAmount,
    exceptions: z.array(z.strictObject({ description: z.string().min(1), count: z.number().int().positive(), amount: printedAmount })).default([]),
  }),
  z.strictObject({ type: z.literal('notStated') }),
]);

/** A stated distribution key: how a pot is split between recipients. */
export const keySchema = z.strictObject({
  id,
  year,
  fund: id,
  /** The place the pot belongs to ("sverige" for the national pots). */
  place: id,
  pot: printedAmount,
  recipients: z.enum(['county', 'municipality', 'subregion']),
  key: distributionKeySchema,
  source: sourceSchema,
  /** Places whose amounts (from any document) the key must reproduce. */
  verifyAgainst: z.array(id).default([]),
});

/** A point in time at the precision the document gives it: a day, a month, a week, a season, a year. */
export const datePointSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('day'), date: isoDate }),
  z.strictObject({ type: z.literal('month'), month: z.string().regex(/^\d{4}-\d{2}$/, 'month as YYYY-MM') }),
  z.strictObject({ type: z.literal('week'), year, week: z.number().int().min(1).max(53) }),
  /** "våren 2019", "början av hösten 2018" (part: early), "vårterminens slut 2019" (part: late). */
  z.strictObject({ type: z.literal('season'), year, season: z.enum(['spring', 'summer', 'autumn', 'winter']), part: z.enum(['early', 'late']).optional() }),
  z.strictObject({ type: z.literal('year'), year }),
  /** "utgången av 2023": the end of a year, as a bound. */
  z.strictObject({ type: z.literal('yearEnd'), year }),
]);

/** A period: both ends, or only one ("till utgången av 2023", "från och med hösten 2020", "2017 – och fortlöpande"). */
const periodSchema = z
  .strictObject({
    type: z.literal('period'),
    /** An ISO date is a day. */
    start: z.union([isoDate, datePointSchema]).optional(),
    end: z.union([isoDate, datePointSchema]).optional(),
  })
  .refine((period) => period.start !== undefined || period.end !== undefined, 'a period needs a start, an end or both');

/** Kinds of dated statement that can be an obligation, and so be reminded of. */
export const OBLIGATION_KINDS = ['invoicing', 'statusReport', 'finalReport', 'useOfFunds'] as const;

/**
 * A dated statement of a document: a deadline or any other date or period the document gives for a
 * decision, a hire, a meeting, an event, a milestone, a plan or proposal, a payment or a period of use.
 * Only an obligation (`obligation: true`) is a deadline people are reminded of.
 */
export const deadlineSchema = z
  .strictObject({
    id,
    year,
    place: id,
    kind: z.enum([...OBLIGATION_KINDS, 'decision', 'hire', 'meeting', 'event', 'milestone', 'plan', 'proposal', 'payment', 'activity', 'other']),
    /** A real obligation the document states (report, invoice, use the funds by): reminders are sent for it. A plan or a proposal is not. */
    obligation: z.boolean(),
    /** What happens, short: the label the answers show. */
    title: z.object({ sv: z.string().min(1), en: z.string().min(1) }),
    /** Who decides, hires, meets or must act, when the document says. */
    actor: z.string().min(1).optional(),
    /** The date or period at the precision the document gives; a day, a month (due on its last day), a period (due at its end). */
    when: z.union([datePointSchema, periodSchema]),
    /** The date as printed when it is not plain ("201218", "2018-08-01", "Ht 2016"); must be in the quote. */
    printed: z.string().min(1).optional(),
    /** False when the document gives no year ("vecka 41", "under september"): the year is read from the context. */
    yearStated: z.boolean().default(true),
    /** How the date is read, when a reader needs to know (the year from the context, a period changed). */
    note: z.object({ sv: z.string().min(1), en: z.string().min(1) }).optional(),
    /** What to do, in the document's words. */
    action: z.string().min(1).optional(),
    source: sourceSchema,
  })
  .refine((deadline) => !deadline.obligation || (OBLIGATION_KINDS as readonly string[]).includes(deadline.kind), {
    message: `only a deadline of kind ${OBLIGATION_KINDS.join(', ')} can be an obligation`,
    path: ['obligation'],
  });

export const invoiceFieldSchema = z.strictObject({
  id: z.enum(['gln', 'referenceCode', 'costCentre', 'address', 'paymentTerms', 'heading', 'recipientReference', 'channel', 'period', 'requisition']),
  label: z.string().min(1),
  value: z.string().min(1),
  /** The value in English, for words that need translating (payment terms, periods). */
  valueEn: z.string().min(1).optional(),
  source: sourceSchema,
});

export const invoiceInstructionsSchema = z.strictObject({
  id,
  year,
  place: id,
  /** Who invoices whom, in one sentence. */
  summary: z.string().min(1),
  fields: z.array(invoiceFieldSchema).min(1),
  /** Information every invoice must carry. */
  requiredInformation: z.array(z.string().min(1)).default([]),
  requiredInformationSource: sourceSchema.optional(),
});

/**
 * What a role is, in the words people ask with ("vem är sammankallande?", "who represents …?"):
 * convenor (sammankallande), chair (ordförande), coordinator (koordinator, samordnare), representative
 * (for someone: a sub-region, the user organisations), member (deltagare), lead (utvecklingsledare,
 * projektledare), manager (chef), responsible (ansvarig for something), reporter (reports on the
 * funds), named (named under a project's heading, no role stated).
 */
export const contactFunctionSchema = z.enum(['convenor', 'chair', 'coordinator', 'representative', 'member', 'lead', 'manager', 'responsible', 'reporter', 'named']);

/** One person's (or one unnamed post's) role, as one document gives it. A person with two roles has two entries. */
export const contactSchema = z.strictObject({
  id,
  name: z.string().min(1).optional(),
  email: z.string().email().optional(),
  /** A telephone number exactly as printed (the documents give none so far). */
  phone: z.string().min(1).optional(),
  role: z.string().min(1),
  organisation: z.string().min(1).optional(),
  /** The group, network, assignment or project the role belongs to, as the document names it. */
  group: z.string().min(1).optional(),
  /** The role in the terms a question uses. */
  functions: z.array(contactFunctionSchema).default([]),
  /** Whom the person is there for, as the document says ("Sydost", "brukarföreningarna"). */
  represents: z.string().min(1).optional(),
  /** The person, named in the same document, whose responsibility this one takes over. */
  takesOverFrom: z.string().min(1).optional(),
  place: id,
  year,
  source: sourceSchema,
});

export const focusAreaSchema = z.strictObject({
  id,
  year,
  place: id,
  fund: id,
  /** The heading as the document gives it ("3.6 Stärkt och utvecklat suicidpreventivt arbete"). */
  title: z.string().min(1),
  summary: z.string().min(1).optional(),
  /** Planned measures and example activities, in the document's words. */
  activities: z.array(z.strictObject({ text: z.string().min(1), area: z.string().min(1).optional() })).default([]),
  source: sourceSchema,
});

/** A number in the document that is not an allocation: a cost, a count, a population. */
export const figureSchema = z.strictObject({
  id,
  year,
  place: id,
  topic: z.string().min(1),
  value: z.string().min(1),
  unit: z.string().min(1),
  source: sourceSchema,
});

export const documentMetaSchema = z.strictObject({
  /** The source file name in src/knowledge/sources (same name as the seed). */
  file: z.string().regex(/^[0-9a-z_]+\.txt$/),
  title: z.string().min(1),
  place: id,
  year,
  /** The date printed on the document, when it has one. */
  date: isoDate.optional(),
  kind: z.string().min(1),
});

export const documentFileSchema = z.strictObject({
  document: documentMetaSchema,
  tables: z.array(tableSchema).default([]),
  amounts: z.array(amountSchema).default([]),
  keys: z.array(keySchema).default([]),
  deadlines: z.array(deadlineSchema).default([]),
  invoicing: z.array(invoiceInstructionsSchema).default([]),
  contacts: z.array(contactSchema).default([]),
  focusAreas: z.array(focusAreaSchema).default([]),
  figures: z.array(figureSchema).default([]),
  sums: z.array(sumCheckSchema).default([]),
});

export const placesFileSchema = z.strictObject({ places: z.array(placeSchema).min(1) });
export const fundsFileSchema = z.strictObject({ funds: z.array(fundSchema).min(1) });

export type Source = z.infer<typeof sourceSchema>;
export type Status = z.infer<typeof statusSchema>;
export type Place = z.infer<typeof placeSchema>;
export type PlaceKind = z.infer<typeof placeKindSchema>;
export type Fund = z.infer<typeof fundSchema>;
export type Cell = z.infer<typeof cellSchema>;
export type Table = z.infer<typeof tableSchema>;
export type TableCheck = z.infer<typeof tableCheckSchema>;
export type AmountEntry = z.infer<typeof amountSchema>;
export type SumCheck = z.infer<typeof sumCheckSchema>;
export type KeyEntry = z.infer<typeof keySchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type DatePoint = z.infer<typeof datePointSchema>;
export type DeadlineKind = Deadline['kind'];
export type InvoiceInstructions = z.infer<typeof invoiceInstructionsSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type ContactFunction = z.infer<typeof contactFunctionSchema>;
export type FocusArea = z.infer<typeof focusAreaSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type DocumentMeta = z.infer<typeof documentMetaSchema>;
export type DocumentFile = z.infer<typeof documentFileSchema>;
