// Tickets: a question the documents could not answer, posted once to the tenant's expert channel,
// taken by an expert and answered once. Every change is a conditional write on the ticket's eTag, as in
// the reminder ledger, so several instances (or two stores on the same folder) agree: one creates and
// posts it, one answer wins and is delivered by the instance that wrote it; a later answer is refused
// and the first kept.
import type { Lang } from '../brain/format.js';
import type { AdaptiveCardJson } from '../cards/expand.js';
import { PreconditionFailedError, type DocumentStore, type StoredDocument } from '../platform/file-store.js';
import { cardActivity, coordinatorAnswerCard, ticketCard, ticketSentCard } from './cards.js';
import { channelOf, conversationRecordSchema, tenantOf, type ConversationRecord, type Person, type Sender } from './conversation.js';
import type { ExpertChannels } from './registry.js';
import type { Subject } from './subject.js';
import { TEXTS } from './texts.js';
import { ticketIdOf, ticketKey, ticketSchema, type Ticket } from './ticket-record.js';
import { formatMoment } from './when.js';

/** Why the asker wants a coordinator: the bot could not answer, was unsure, or the answer got a 👎. */
export type AskReason = 'unknown' | 'clarify' | 'thumbsDown' | 'other';

export interface AskInput {
  /** The answer card's activity id (the invoke's replyToId): one ticket per answer, however often pressed. */
  requestId: string;
  question: string;
  asker: Person;
  askerConversation: ConversationRecord;
  lang: Lang;
  /** What the bot answered: the reply's kind and text. */
  bot: { kind: string; text: string };
  reason: AskReason;
  /** The asker's comment with a 👎. */
  comment?: string;
  subject: Subject;
}

export type AskOutcome =
  | { outcome: 'posted' | 'alreadyAsked'; ticket: Ticket; card: AdaptiveCardJson }
  /** Another instance is posting it right now. */
  | { outcome: 'inProgress'; ticket: Ticket; card: AdaptiveCardJson }
  /** The channel could not be reached; pressing again tries again. `notice`: what to tell the asker. */
  | { outcome: 'failed'; ticket: Ticket; reason: string; notice: Notice }
  /** The tenant's expert channel was removed after the button was offered. */
  | { outcome: 'noChannel'; notice: Notice };

/** A short message for the asker (the bot shows it as its notice card), in the asker's language. */
export interface Notice {
  title: string;
  text: string;
}

/** `unknownTicket` also when the press did not come from the channel the ticket was posted to. */
/**
 * The ticket card after a press: `card` for everyone in the channel (the bot updates the posted card
 * with it), `cardForPresser` for the expert who pressed (the invoke response: with what happened).
 */
export interface TicketView {
  card: AdaptiveCardJson;
  cardForPresser: AdaptiveCardJson;
}

function view(ticket: Ticket, notice = ''): TicketView {
  return { card: ticketCard(ticket), cardForPresser: ticketCard(ticket, notice) };
}

export type TakeOutcome = ({ outcome: 'taken' | 'alreadyTaken' | 'alreadyAnswered'; ticket: Ticket } & TicketView) | { outcome: 'unknownTicket' };

/** Where a button was pressed: the invoke's conversation. */
export interface PressedIn {
  conversationId: string;
}

export type AnswerOutcome =
  /** `delivered`: the asker has it; false: saved, delivery failed (tried again at the next press). */
  | ({ outcome: 'answered'; ticket: Ticket; delivered: boolean } & TicketView)
  | ({ outcome: 'alreadyAnswered' | 'empty'; ticket: Ticket } & TicketView)
  | { outcome: 'unknownTicket' };

export interface TicketOptions {
  /** Names this instance in the claims. */
  instanceId: string;
  /** A claim (posting, delivering) older than this was left by an instance that stopped: another takes it over. */
  takeoverMs?: number;
}

const DEFAULT_TAKEOVER_MS = 60_000;
/** Conditional writes lost to other writers before giving up (each loss means someone else progressed). */
const MAX_RACES = 20;
const MAX_ANSWER_LENGTH = 4000;

export class Tickets {
  private readonly takeoverMs: number;

  constructor(
    private readonly store: DocumentStore,
    private readonly channels: ExpertChannels,
    private readonly sender: Sender,
    private readonly now: () => Date,
    private readonly options: TicketOptions,
  ) {
    this.takeoverMs = options.takeoverMs ?? DEFAULT_TAKEOVER_MS;
  }

  /** Whether "Fråga en samordnare" can be offered: the tenant has an expert channel. */
  async canAsk(tenantId: string | undefined): Promise<boolean> {
    return (await this.channels.get(tenantId)) !== undefined;
  }

  async get(id: string): Promise<Ticket | undefined> {
    return (await this.read(id))?.value;
  }

  /** Creates the ticket once and posts it to the expert channel once; the asker's confirmation card comes back. */
  async ask(input: AskInput): Promise<AskOutcome> {
    const tenantId = input.askerConversation.tenantId;
    const channel = await this.channels.get(tenantId);
    if (!channel) return { outcome: 'noChannel', notice: { title: TEXTS[input.lang].notSentTitle, text: TEXTS[input.lang].noChannel } };
    const id = ticketIdOf(tenantId, input.askerConversation.conversationId, input.requestId);
    const at = this.now().toISOString();
    const reasons = TEXTS[channel.lang].reasons;
    const why = input.reason === 'thumbsDown' ? reasons.thumbsDown(input.comment?.trim() || undefined) : reasons[input.reason];
    const ticket: Ticket = ticketSchema.parse({
      id,
      tenantId: tenantOf(tenantId),
      createdAt: at,
      lang: input.lang,
      channelLang: channel.lang,
      question: input.question,
      asker: input.asker,
      askerConversation: conversationRecordSchema.parse(input.askerConversation),
      bot: { kind: input.bot.kind, text: input.bot.text, why },
      subject: input.subject,
      channelId: channel.channel.conversationId,
      post: { state: 'posting', claimedBy: this.options.instanceId, claimedAt: at },
    });
    let claim: StoredDocument<Ticket>;
    try {
      claim = { value: ticket, eTag: await this.store.put(ticketKey(id), ticket, { ifNoneMatch: '*' }) };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      const existing = await this.read(id);
      if (!existing) return this.ask(input);
      const taken = await this.reclaimPost(existing, channel.channel.conversationId);
      if (!taken) {
        const current = existing.value;
        if (current.post.state === 'posted') return { outcome: 'alreadyAsked', ticket: current, card: ticketSentCard(current) };
        return { outcome: 'inProgress', ticket: current, card: ticketSentCard(current) };
      }
      claim = taken;
    }
    return this.post(claim, channel.channel);
  }

  /** "Jag tar den": the first expert takes it; the card shows who. */
  async take(id: string, by: Person, where: PressedIn): Promise<TakeOutcome> {
    for (let race = 0; race < MAX_RACES; race++) {
      const document = await this.readFrom(id, where);
      if (!document) return { outcome: 'unknownTicket' };
      const ticket = document.value;
      const t = TEXTS[ticket.channelLang];
      if (ticket.answer) return { outcome: 'alreadyAnswered', ticket, ...view(ticket, t.alreadyAnswered(ticket.answer.by.name, formatMoment(ticket.answer.at, ticket.channelLang))) };
      if (ticket.takenBy) {
        const mine = ticket.takenBy.id === by.id;
        return { outcome: mine ? 'taken' : 'alreadyTaken', ticket, ...view(ticket, mine ? '' : t.alreadyTaken(ticket.takenBy.name)) };
      }
      const taken: Ticket = { ...ticket, takenBy: { ...by, at: this.now().toISOString() } };
      if (await this.replace(id, document.eTag, taken)) return { outcome: 'taken', ticket: taken, ...view(taken) };
    }
    throw new Error(`ticket ${id}: too many concurrent changes`);
  }

  /**
   * "Skicka svar": the first answer is written (conditionally) and delivered to the asker's chat by the
   * instance that wrote it. A later answer is refused and the first kept; the expert is told.
   */
  async answer(id: string, text: string, by: Person, where: PressedIn): Promise<AnswerOutcome> {
    const answerText = text.trim().slice(0, MAX_ANSWER_LENGTH);
    for (let race = 0; race < MAX_RACES; race++) {
      const document = await this.readFrom(id, where);
      if (!document) return { outcome: 'unknownTicket' };
      const ticket = document.value;
      const t = TEXTS[ticket.channelLang];
      if (ticket.answer) {
        // The first answer stands; if its delivery failed or was abandoned, this press delivers it now.
        const redelivered = await this.redeliver(document);
        const current = redelivered ?? ticket;
        return { outcome: 'alreadyAnswered', ticket: current, ...view(current, t.alreadyAnswered(ticket.answer.by.name, formatMoment(ticket.answer.at, ticket.channelLang))) };
      }
      if (answerText === '') return { outcome: 'empty', ticket, ...view(ticket, t.emptyAnswer) };
      const at = this.now().toISOString();
      const answered: Ticket = { ...ticket, answer: { text: answerText, by, at, delivery: { state: 'sending', claimedBy: this.options.instanceId, at } } };
      const eTag = await this.replace(id, document.eTag, answered);
      if (eTag === undefined) continue;
      const delivered = await this.deliver({ value: answered, eTag });
      const final = delivered.value;
      const ok = final.answer?.delivery.state === 'sent';
      return { outcome: 'answered', ticket: final, ...view(final, ok ? '' : t.deliveryFailed), delivered: ok };
    }
    throw new Error(`ticket ${id}: too many concurrent changes`);
  }

  private async read(id: string): Promise<StoredDocument<Ticket> | undefined> {
    const document = await this.store.get<unknown>(ticketKey(id));
    return document ? { value: ticketSchema.parse(document.value), eTag: document.eTag } : undefined;
  }

  /** The ticket, when the press came from the channel it was posted to (a card copied elsewhere cannot answer it). */
  private async readFrom(id: string, where: PressedIn): Promise<StoredDocument<Ticket> | undefined> {
    const document = await this.read(id);
    return document && document.value.channelId === channelOf(where.conversationId) ? document : undefined;
  }

  /** The new eTag, or undefined when someone else changed the ticket first. */
  private async replace(id: string, eTag: string, ticket: Ticket): Promise<string | undefined> {
    try {
      return await this.store.put(ticketKey(id), ticket, { ifMatch: eTag });
    } catch (error) {
      if (error instanceof PreconditionFailedError) return undefined;
      throw error;
    }
  }

  private stale(at: string): boolean {
    return this.now().getTime() - Date.parse(at) >= this.takeoverMs;
  }

  /** A post that failed, or whose instance stopped mid-post, is claimed again; undefined when it is not ours to post. */
  private async reclaimPost(document: StoredDocument<Ticket>, channelId: string): Promise<StoredDocument<Ticket> | undefined> {
    const { post } = document.value;
    if (!(post.state === 'failed' || (post.state === 'posting' && this.stale(post.claimedAt)))) return undefined;
    // Posted to the channel registered now (it may have moved since the first try).
    const claimed: Ticket = { ...document.value, channelId, post: { state: 'posting', claimedBy: this.options.instanceId, claimedAt: this.now().toISOString() } };
    const eTag = await this.replace(document.value.id, document.eTag, claimed);
    return eTag === undefined ? undefined : { value: claimed, eTag };
  }

  private async post(claim: StoredDocument<Ticket>, channel: ConversationRecord): Promise<AskOutcome> {
    const ticket = claim.value;
    try {
      const activityId = await this.sender.send(channel, cardActivity(ticketCard(ticket)));
      const posted = await this.record(claim, (current) => ({ ...current, post: { ...current.post, state: 'posted', activityId } }));
      return { outcome: 'posted', ticket: posted.value, card: ticketSentCard(posted.value) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const failed = await this.record(claim, (current) => ({ ...current, post: { ...current.post, state: 'failed', reason } }));
      const t = TEXTS[ticket.lang];
      return { outcome: 'failed', ticket: failed.value, reason, notice: { title: t.notSentTitle, text: t.notSent } };
    }
  }

  /** Re-claims the delivery of an answer whose send failed or was abandoned, and sends it. */
  private async redeliver(document: StoredDocument<Ticket>): Promise<Ticket | undefined> {
    const answer = document.value.answer!;
    const { delivery } = answer;
    if (!(delivery.state === 'failed' || (delivery.state === 'sending' && this.stale(delivery.at)))) return undefined;
    const claimed: Ticket = { ...document.value, answer: { ...answer, delivery: { state: 'sending', claimedBy: this.options.instanceId, at: this.now().toISOString() } } };
    const eTag = await this.replace(document.value.id, document.eTag, claimed);
    if (eTag === undefined) return undefined;
    return (await this.deliver({ value: claimed, eTag })).value;
  }

  private async deliver(claim: StoredDocument<Ticket>): Promise<StoredDocument<Ticket>> {
    const ticket = claim.value;
    const at = () => this.now().toISOString();
    try {
      const activityId = await this.sender.send(ticket.askerConversation, cardActivity(coordinatorAnswerCard(ticket)));
      return await this.record(claim, (current) => ({ ...current, answer: { ...current.answer!, delivery: { ...current.answer!.delivery, state: 'sent', at: at(), activityId } } }));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return this.record(claim, (current) => ({ ...current, answer: { ...current.answer!, delivery: { ...current.answer!.delivery, state: 'failed', at: at(), reason } } }));
    }
  }

  /**
   * Writes what became of a claimed step on the latest version of the ticket (a take may have come in
   * between): read again after each lost race. A storage error is passed on.
   */
  private async record(claim: StoredDocument<Ticket>, change: (ticket: Ticket) => Ticket): Promise<StoredDocument<Ticket>> {
    let current = claim;
    for (let race = 0; race < MAX_RACES; race++) {
      const next = change(current.value);
      const eTag = await this.replace(next.id, current.eTag, next);
      if (eTag !== undefined) return { value: next, eTag };
      const latest = await this.read(next.id);
      if (!latest) throw new Error(`ticket ${next.id} disappeared`);
      current = latest;
    }
    throw new Error(`ticket ${claim.value.id}: too many concurrent changes`);
  }
}
