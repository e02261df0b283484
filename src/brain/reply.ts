// The structured answer: text for the chat, the facts with their sources, and what a card shows.
import type { Status } from '../knowledge/schema.js';
import type { ConversationContext } from './context.js';
import type { Lang } from './format.js';
import type { Claim } from './provenance.js';

export type ReplyKind = 'amount' | 'list' | 'deadline' | 'invoice' | 'focusArea' | 'key' | 'contact' | 'figure' | 'passage' | 'help' | 'greeting' | 'unknown' | 'clarify' | 'subscription';

/** Something the bot must do for the user (subscriptions change state; the brain only understands). */
export interface ReplyAction {
  type: 'subscribe' | 'unsubscribe' | 'list';
  /** The county whose deadlines are followed. */
  region?: string;
}

export interface SourceRef {
  file: string;
  title: string;
  /** "Region Dalarna, 2022-01-25" style line: where and when the document is from. */
  origin: string;
  section: string;
  /** The document's words as shown: Word residue removed, a table row with its column headings. */
  quote: string;
}

/** One line of an answer: a label, its value, how sure it is, where it comes from. */
export interface ReplyRow {
  label: string;
  value: string;
  status?: Status | 'approximate';
  /** Shown beside the value: how sure it is ("rekonstruerat, tryckt som ”22451”", from provenance) or what to do. */
  note?: string;
}

export interface Suggestion {
  /** Button text. */
  title: string;
  /** What clicking it asks. */
  question: string;
}

export interface Reply {
  kind: ReplyKind;
  lang: Lang;
  /** The answer as one chat message; its first sentence is the key sentence. */
  text: string;
  /** A short heading for the card. */
  title: string;
  /** The figure or value the answer is about, when there is one. */
  figure?: string;
  /** Components, list items, fields, deadlines, activities. */
  rows: ReplyRow[];
  /** Plain-words notes: reconstructed, derived, approximate, which reading was chosen. */
  notes: string[];
  /** How the figure is computed, step by step (from the allocation core). */
  derivation: string[];
  /** A quoted passage, for answers from the document text. */
  quote?: SourceRef;
  /** Every document section whose facts the answer uses. */
  sources: SourceRef[];
  /** What the answer's words say about where its figures come from, each naming the facts it is about. */
  provenance: Claim[];
  /** What the store does know, when it cannot answer. */
  known: string[];
  suggestions: Suggestion[];
  action?: ReplyAction;
  /** A what-if estimate that can be recomputed with another amount ("Räkna om"); see recalculate.ts. */
  calculator?: Calculator;
  /** The one place the answer singles out (the top of a ranking): what "it" and "than Malmö" set against next. */
  subject?: string;
}

/** What a what-if card needs to be recomputed in place: the what-if it is and the amount it used. */
export interface Calculator {
  frame: CalculatorFrame;
  /** The funds the estimate can be recomputed for, when the documents' table has several (ALL_FUNDS: the whole table). */
  funds: { value: string; title: string }[];
  /** Why the last recalculation gave no figure (bad input, a pot below the bases); the card says it. */
  problem?: string;
}

/** The calculator's choice of every fund of the table. */
export const ALL_FUNDS = 'all';

/** The essentials of a what-if, as the card carries them back: enough to recompute the same estimate. */
export interface CalculatorFrame {
  lang: Lang;
  /** What the number is: the whole pot, the pot beyond the bases, or the amount per recipient. */
  kind: 'pot' | 'rest' | 'base';
  /** Per recipient ('base'): of which kind. */
  per?: 'county' | 'subregion' | 'municipality';
  /** The place the estimate is about (none: the whole split). */
  place?: string;
  /** The funds re-run; empty: the whole table. */
  funds: string[];
  year: number;
  /** The amount used, exact kronor as a plain decimal ("25000000"). */
  amount: string;
}

export interface Answer {
  reply: Reply;
  context: ConversationContext;
}

export function emptyReply(kind: ReplyKind, lang: Lang, title: string, text: string): Reply {
  return { kind, lang, text, title, rows: [], notes: [], derivation: [], sources: [], provenance: [], known: [], suggestions: [] };
}
