// The coordinator feature behind one object, for the bot's thin layer: the channel commands, the
// expert channel, tickets, feedback, the unanswered log, the report and the retention period.
import type { ConversationContext } from '../brain/context.js';
import type { Reply } from '../brain/reply.js';
import type { DocumentStore } from '../platform/file-store.js';
import { readChannelCommand } from './command.js';
import type { ConversationRecord, Person, Sender } from './conversation.js';
import { Feedback, type FeedbackRecord } from './feedback.js';
import { ExpertChannels } from './registry.js';
import type { Report } from './report.js';
import { reportFromStore } from './report-store.js';
import { applyRetention, type RetentionResult } from './retention.js';
import { TEXTS } from './texts.js';
import type { Subject } from './subject.js';
import { Tickets, type AskOutcome, type AskReason } from './tickets.js';
import { UnansweredLog } from './unanswered.js';

export interface CoordinatorDeps {
  store: DocumentStore;
  /** Posts to the expert channel and to askers' chats (the bot's proactive sender). */
  sender: Sender;
  now: () => Date;
  instanceId: string;
  /** See TicketOptions.takeoverMs. */
  takeoverMs?: number;
  /** RETENTION_DAYS. */
  retentionDays: number;
  /** What a question is about, for the report: `subjectOf` with the knowledge store. */
  classify: (question: string, context: ConversationContext) => Subject;
}

/** An answer the bot gave, as the bot layer has it after the brain answered. */
export interface GivenAnswer {
  tenantId: string | undefined;
  conversationId: string;
  /** The incoming message's activity id (for the log) or the answer card's (for a ticket, a vote). */
  requestId: string;
  question: string;
  /** The conversation context the question was asked in. */
  context: ConversationContext;
  reply: Reply;
}

/** Reply kinds where the documents did not answer: logged for the report. */
const UNANSWERED_KINDS: ReadonlySet<Reply['kind']> = new Set(['unknown']);
/** Reply kinds whose card offers "Fråga en samordnare" (a 👎 offers it on any answer). */
export const ASK_KINDS: ReadonlySet<Reply['kind']> = new Set(['unknown', 'clarify']);

export interface CommandReply {
  outcome: 'registered' | 'moved' | 'unchanged' | 'removed' | 'notThisChannel' | 'none' | 'channelOnly';
  lang: 'sv' | 'en';
  /** What the bot says back, in the command's language. */
  text: string;
}

export class Coordinator {
  readonly channels: ExpertChannels;
  readonly tickets: Tickets;
  readonly feedback: Feedback;
  readonly unanswered: UnansweredLog;

  constructor(private readonly deps: CoordinatorDeps) {
    this.channels = new ExpertChannels(deps.store, deps.now);
    this.tickets = new Tickets(deps.store, this.channels, deps.sender, deps.now, { instanceId: deps.instanceId, ...(deps.takeoverMs !== undefined ? { takeoverMs: deps.takeoverMs } : {}) });
    this.feedback = new Feedback(deps.store, deps.now);
    this.unanswered = new UnansweredLog(deps.store, deps.now);
  }

  /**
   * A channel command, when the text is one: undefined otherwise (the bot answers it as a question).
   * `conversationType` is the activity's ("channel", "personal", "groupChat").
   */
  async command(text: string, where: { conversation: ConversationRecord; conversationType: string | undefined; by: Person }): Promise<CommandReply | undefined> {
    const command = readChannelCommand(text);
    if (!command) return undefined;
    const t = TEXTS[command.lang];
    const reply = (outcome: CommandReply['outcome'], said: string): CommandReply => ({ outcome, lang: command.lang, text: said });
    if (where.conversationType !== 'channel') return reply('channelOnly', t.channelOnly);
    if (command.command === 'use') {
      const registered = await this.channels.register(where.conversation, where.by, command.lang);
      const said = { registered: t.channelRegistered, moved: t.channelMoved, unchanged: t.channelUnchanged }[registered.outcome];
      return reply(registered.outcome, said);
    }
    const removed = await this.channels.remove(where.conversation.tenantId, where.conversation.conversationId);
    return reply(removed, { removed: t.channelRemoved, notThisChannel: t.channelNotThis, none: t.channelNone }[removed]);
  }

  /**
   * After every answer: an unanswered question is logged once, and the card offers "Fråga en
   * samordnare" when the documents did not answer and the tenant has an expert channel.
   */
  async answered(answer: GivenAnswer): Promise<{ offerAsk: boolean }> {
    const { reply } = answer;
    if (UNANSWERED_KINDS.has(reply.kind)) {
      await this.unanswered.record({ tenantId: answer.tenantId, conversationId: answer.conversationId, requestId: answer.requestId, question: answer.question, replyKind: reply.kind, subject: this.deps.classify(answer.question, answer.context), lang: reply.lang });
    }
    return { offerAsk: ASK_KINDS.has(reply.kind) && (await this.tickets.canAsk(answer.tenantId)) };
  }

  /** 👍 / 👎 on an answer card (the reply is the brain's answer to the question again, in its context). */
  vote(answer: GivenAnswer, userId: string, vote: 'up' | 'down'): Promise<FeedbackRecord> {
    const { tenantId, conversationId, requestId, question, reply } = answer;
    return this.feedback.vote({ tenantId, conversationId, requestId, userId, vote, question, reply, subject: this.deps.classify(question, answer.context) });
  }

  /** "Fråga en samordnare": the ticket for this answer, posted once; the asker's confirmation card comes back. */
  ask(answer: GivenAnswer, asker: Person, askerConversation: ConversationRecord, why: { reason?: AskReason; comment?: string } = {}): Promise<AskOutcome> {
    const { reply } = answer;
    const reason = why.reason ?? (reply.kind === 'unknown' || reply.kind === 'clarify' ? reply.kind : 'other');
    return this.tickets.ask({
      requestId: answer.requestId,
      question: answer.question,
      asker,
      askerConversation,
      lang: reply.lang,
      bot: { kind: reply.kind, text: reply.text },
      reason,
      ...(why.comment ? { comment: why.comment } : {}),
      subject: this.deps.classify(answer.question, answer.context),
    });
  }

  /** The report since a date (YYYY-MM-DD, Swedish time). */
  report(since: string): Promise<Report> {
    return reportFromStore(this.deps.store, since);
  }

  /** Removes the texts older than the retention period; the composition root calls it at start and daily. */
  retention(): Promise<RetentionResult> {
    return applyRetention(this.deps.store, this.deps.now(), this.deps.retentionDays);
  }
}
