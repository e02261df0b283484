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
  /** The last what-if question answered, so that a follow-up ("och totalt då?", "samma för Jämtland") keeps its hypothetical. */
  whatIf?: string;
  /** The places of the last answers of a run of follow-ups ("Orsa?", "och Älvdalen?"), oldest first: what "tillsammans" adds up. */
  places?: string[];
}

export const emptyContext: ConversationContext = {};

/**
 * Words that point back at what the conversation was about ("deras", "de", "samma", "they", "also"):
 * a question with one of them is a follow-up even when it says what it asks.
 */
const REFERS_BACK = /\b(de|dem|dom|deras|dess|dit|dar|samma|likadant|ocksa|aven|da|they|them|their|theirs|its|it|same|also|too|then|there|(of|out of) (that|this)|av (det|detta)(?= (ar|blir|gar|utgor|var|blev|gick)\b|$))\b/;

/**
 * A question that says what it asks ("Vilka deadlines är på gång?", "Hur mycket får Mora?") and
 * neither starts as a follow-up ("och …", "what about …") nor points back is complete: it starts
 * afresh and takes no place, year or fund from the conversation. Only follow-ups and bare fragments
 * ("Falun?", "2022?") are filled in from context.
 */
export function isCompleteQuestion(folded: string, explicitIntent: boolean, followUp: boolean): boolean {
  return explicitIntent && !followUp && !REFERS_BACK.test(folded);
}
