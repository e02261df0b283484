// The coordinator feature in a Teams turn: the expert-channel commands, whether an answer card offers
// "Fråga en samordnare", and the presses of the coordinator's buttons (ask, take, answer, 👍 / 👎,
// comment). The domain is src/coordinator; this file only reads the activity and answers with cards.
import { CardFactory, TurnContext } from 'botbuilder';
import type { Brain } from '../brain/brain.js';
import { langOfLocale } from '../brain/language.js';
import type { ConversationContext } from '../brain/context.js';
import type { Reply } from '../brain/reply.js';
import type { AdaptiveCardJson } from '../cards/expand.js';
import { commentSavedCard, FEEDBACK_TEXTS, noticeCard, thumbsDownCard, withNote } from '../cards/feedback.js';
import type { CoordinatorAction } from '../coordinator/actions.js';
import type { ConversationRecord, Person } from '../coordinator/conversation.js';
import { ASK_KINDS, type Coordinator, type GivenAnswer } from '../coordinator/coordinator.js';
import type { Ticket } from '../coordinator/ticket-record.js';
import type { Logger } from '../platform/logger.js';
import { parseCarriedContext } from './actions.js';
import { tenantOf } from './bot.js';
import type { ReplyCards } from './reply-cards.js';

export interface CoordinatorTurnDeps {
  coordinator: Coordinator;
  brain: Brain;
  cards: ReplyCards;
  logger: Logger;
  now: () => Date;
}

export class CoordinatorTurns {
  constructor(private readonly deps: CoordinatorTurnDeps) {}

  /** A channel command ("använd den här kanalen för frågor till samordnare"): answered here; false when the text is not one. */
  async command(context: TurnContext, text: string): Promise<boolean> {
    const reply = await this.deps.coordinator.command(text, { conversation: this.conversationRecord(context), conversationType: context.activity.conversation.conversationType, by: personOf(context) });
    if (!reply) return false;
    this.deps.logger.info({ event: 'coordinator.command', outcome: reply.outcome, conversation: context.activity.conversation.id }, 'expert channel command');
    await context.sendActivity({ type: 'message', text: reply.text, textFormat: 'plain' });
    return true;
  }

  /** After an answer: logs an unanswered question; whether its card offers "Fråga en samordnare". Storage trouble costs only the button. */
  async answered(context: TurnContext, question: string, previous: ConversationContext, reply: Reply): Promise<boolean> {
    try {
      return (await this.deps.coordinator.answered(this.given(context, question, previous, reply, context.activity.id))).offerAsk;
    } catch (error) {
      this.deps.logger.warn({ event: 'coordinator.answered_failed', err: error, conversation: context.activity.conversation.id }, 'answer not logged; no coordinator button');
      return false;
    }
  }

  /** A press of one of the coordinator's buttons: the card that replaces the pressed one. */
  async act(context: TurnContext, action: CoordinatorAction): Promise<AdaptiveCardJson> {
    const person = personOf(context);
    const where = { conversationId: context.activity.conversation.id };
    const { coordinator, logger } = this.deps;
    switch (action.verb) {
      case 'coordinator.ask': {
        const { reply, carried } = this.answerAgain(context, action.data.question, action.data.context);
        const outcome = await coordinator.ask(this.given(context, action.data.question, carried, reply), person, this.conversationRecord(context), {
          ...(action.data.reason ? { reason: action.data.reason } : {}),
          ...(action.data.comment ? { comment: action.data.comment } : {}),
        });
        logger.info({ event: 'coordinator.ask', outcome: outcome.outcome, conversation: where.conversationId }, 'question for the coordinators');
        return 'card' in outcome ? outcome.card : noticeCard(outcome.notice.title, outcome.notice.text);
      }
      case 'coordinator.take':
      case 'coordinator.answer': {
        const outcome = action.verb === 'coordinator.take' ? await coordinator.tickets.take(action.data.ticketId, person, where) : await coordinator.tickets.answer(action.data.ticketId, action.data.answer, person, where);
        logger.info({ event: action.verb, outcome: outcome.outcome, conversation: where.conversationId }, 'ticket action');
        if (outcome.outcome === 'unknownTicket') {
          const t = FEEDBACK_TEXTS[langOfLocale(context.activity.locale)];
          return noticeCard(t.unknownTicketTitle, t.unknownTicket);
        }
        if (outcome.outcome === 'taken' || outcome.outcome === 'answered') await this.updateTicketCard(context, outcome.ticket, outcome.card);
        return outcome.cardForPresser;
      }
      case 'feedback.vote': {
        const { reply, carried } = this.answerAgain(context, action.data.question, action.data.context);
        const record = await coordinator.vote(this.given(context, action.data.question, carried, reply), person.id, action.data.vote);
        logger.info({ event: 'feedback.vote', vote: record.vote, kind: record.replyKind, conversation: where.conversationId }, 'answer feedback');
        const offerAsk = await this.canAsk(context);
        const options = { question: action.data.question, context: JSON.stringify(carried) };
        if (action.data.vote === 'down') return thumbsDownCard(reply.lang, { ...options, feedbackId: record.id, offerAsk });
        return withNote(this.deps.cards.card(reply, { ...options, offerAsk: offerAsk && ASK_KINDS.has(reply.kind) }), FEEDBACK_TEXTS[reply.lang].thanksUp);
      }
      case 'feedback.comment': {
        const existing = await coordinator.feedback.get(action.data.feedbackId);
        // Only the person who voted, in the conversation they voted in, comments on a vote.
        const mine = existing && existing.userId === person.id && existing.conversationId === where.conversationId;
        const saved = mine ? await coordinator.feedback.comment(action.data.feedbackId, action.data.comment) : undefined;
        logger.info({ event: 'feedback.comment', saved: saved !== undefined, conversation: where.conversationId }, 'answer feedback comment');
        const lang = saved?.lang ?? langOfLocale(context.activity.locale);
        return commentSavedCard(lang, { question: saved?.question ?? null, comment: saved?.comment ?? '', offerAsk: saved !== undefined && (await this.canAsk(context)) });
      }
    }
  }

  /** The ticket card in the channel, as everyone there sees it now (the presser gets theirs as the invoke's answer). */
  private async updateTicketCard(context: TurnContext, ticket: Ticket, card: AdaptiveCardJson): Promise<void> {
    const id = ticket.post.activityId ?? context.activity.replyToId;
    if (!id) return;
    try {
      await context.updateActivity({ type: 'message', id, text: typeof card.fallbackText === 'string' ? card.fallbackText : '', attachments: [CardFactory.adaptiveCard(card)] });
    } catch (error) {
      this.deps.logger.warn({ event: 'ticket.update_failed', err: error, ticket: ticket.id }, 'ticket card not updated in the channel');
    }
  }

  private async canAsk(context: TurnContext): Promise<boolean> {
    return this.deps.coordinator.tickets.canAsk(tenantOf(context));
  }

  /** The brain's answer to the card's question in the context the card carries: what the card showed. */
  private answerAgain(context: TurnContext, question: string, carriedJson: string | undefined): { reply: Reply; carried: ConversationContext } {
    const carried = parseCarriedContext(carriedJson ?? '{}') as ConversationContext;
    return { reply: this.deps.brain.answer(question, carried, { locale: context.activity.locale ?? '' }).reply, carried };
  }

  /** A card's requestId is the pressed card's activity id (one ticket, one vote per answer card). */
  private given(context: TurnContext, question: string, carried: ConversationContext, reply: Reply, requestId = context.activity.replyToId ?? context.activity.id): GivenAnswer {
    return { tenantId: tenantOf(context), conversationId: context.activity.conversation.id, requestId: requestId ?? '', question, context: carried, reply };
  }

  private conversationRecord(context: TurnContext): ConversationRecord {
    const tenantId = tenantOf(context);
    return {
      conversationId: context.activity.conversation.id,
      reference: TurnContext.getConversationReference(context.activity) as Record<string, unknown>,
      ...(tenantId ? { tenantId } : {}),
      ...(context.activity.locale ? { locale: context.activity.locale } : {}),
      savedAt: this.deps.now().toISOString(),
    };
  }
}

/** Who wrote or pressed: the Entra object id when Teams gives one, and the name Teams shows. */
export function personOf(context: TurnContext): Person {
  const from = context.activity.from;
  const id = from?.aadObjectId || from?.id || 'unknown';
  return { id, name: from?.name?.trim() || id };
}
