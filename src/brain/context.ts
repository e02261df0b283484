// What a conversation is about, carried from one turn to the next so that "och Falun?" works.
// A plain value: the bot keeps it in conversation state, the CLI in a variable.
import type { Lang } from './format.js';

export type Intent = 'amount' | 'list' | 'deadline' | 'invoice' | 'focusArea' | 'key' | 'contact' | 'search' | 'help' | 'greeting' | 'subscribe' | 'unsubscribe' | 'subscriptions';

export type InvoiceField =
  | 'gln'
  | 'referenceCode'
  | 'costCentre'
  | 'address'
  | 'paymentTerms'
  | 'heading'
  | 'recipientReference'
  | 'channel'
  | 'period'
  | 'requisition'
  | 'required'
  | 'bankDetails';

export interface ConversationContext {
  lang?: Lang;
  intent?: Intent;
  place?: string;
  fund?: string;
  /** Only a year the user said: a year the bot chose for one place must not stick to the next. */
  year?: number;
  invoiceField?: InvoiceField;
  deadlineKind?: string;
}

export const emptyContext: ConversationContext = {};
