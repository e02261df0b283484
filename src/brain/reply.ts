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
}

export interface Answer {
  reply: Reply;
  context: ConversationContext;
}

export function emptyReply(kind: ReplyKind, lang: Lang, title: string, text: string): Reply {
  return { kind, lang, text, title, rows: [], notes: [], derivation: [], sources: [], provenance: [], known: [], suggestions: [] };
}
