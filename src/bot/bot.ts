// The Teams bot: understand the message, ask the brain, send a card. Everything botbuilder-specific
// lives in this folder so that a move to the Teams SDK or the M365 Agents SDK touches nothing else.
import {
  CardFactory,
  ConversationState,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type StatePropertyAccessor,
  type Storage,
} from 'botbuilder';
import type { Brain } from '../brain/brain.js';
import type { ConversationContext, Intent } from '../brain/context.js';
import type { Reply } from '../brain/reply.js';
import { cardForReply, errorCard, welcomeCard } from '../cards/view.js';
import { PreconditionFailedError, type DocumentStore } from '../platform/file-store.js';
import type { Logger } from '../platform/logger.js';
import { cardActionSchema, parseCarriedContext, type CardAction } from './actions.js';

export interface BotDependencies {
  brain: Brain;
  storage: Storage;
  /** For exactly-once markers (the welcome): create-only writes. */
  documents: DocumentStore;
  logger: Logger;
  allowedTenants: string[];
  /** What the welcome card says the bot knows. */
  welcome: { known: (lang: 'sv' | 'en') => string[] };
}

export class StimulusBot extends TeamsActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly brainContext: StatePropertyAccessor<ConversationContext>;

  constructor(private readonly deps: BotDependencies) {
    super();
    this.conversationState = new ConversationState(deps.storage);
    this.brainContext = this.conversationState.createProperty<ConversationContext>('brain');

    this.onMessage(async (context, next) => {
      const value = context.activity.value as unknown;
      if (value && typeof value === 'object' && 'verb' in value) await this.handleSubmit(context, value);
      else await this.answerMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcomeOnce(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.deps.documents.delete(welcomeKey(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botAdded) await this.welcomeOnce(context);
      await next();
    });
  }

  /** Drops activities from tenants that are not allowed, before any handler sees them. */
  override async run(context: TurnContext): Promise<void> {
    const tenant = tenantOf(context);
    if (this.deps.allowedTenants.length > 0 && (!tenant || !this.deps.allowedTenants.includes(tenant))) {
      this.deps.logger.warn({ event: 'tenant.refused', tenant: tenant ?? null, type: context.activity.type, conversation: context.activity.conversation?.id }, 'activity from a tenant that is not allowed');
      return;
    }
    await super.run(context);
    await this.conversationState.saveChanges(context);
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim();
    const previous = await this.brainContext.get(context, {});
    const answer = this.deps.brain.answer(text === '' ? 'hjälp' : text, previous, { locale: context.activity.locale ?? '' });
    await this.brainContext.set(context, answer.context);
    this.deps.logger.info({ event: 'answer', kind: answer.reply.kind, lang: answer.reply.lang, intent: answer.context.intent as Intent | undefined, conversation: context.activity.conversation.id }, 'answered');
    await context.sendActivity(this.replyActivity(answer.reply, text, previous));
  }

  /** Action.Execute (universal actions): answer with the updated card. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const parsed = cardActionSchema.safeParse({ verb: invokeValue?.action?.verb, ...(invokeValue?.action?.data as object | undefined) });
    if (!parsed.success) {
      this.deps.logger.warn({ event: 'invoke.invalid', issues: parsed.error.issues.length }, 'card action with an invalid payload');
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: errorCard(langOf(context), correlationId(context)) as never };
    }
    const card = this.cardForAction(context, parsed.data);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as never };
  }

  /** Action.Submit, the fallback of clients without universal actions: send the updated card. */
  private async handleSubmit(context: TurnContext, value: object): Promise<void> {
    const parsed = cardActionSchema.safeParse(value);
    const card = parsed.success ? this.cardForAction(context, parsed.data) : errorCard(langOf(context), correlationId(context));
    if (!parsed.success) this.deps.logger.warn({ event: 'submit.invalid' }, 'card submit with an invalid payload');
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  private cardForAction(context: TurnContext, action: CardAction): object {
    const carried = parseCarriedContext(action.context);
    const answer = this.deps.brain.answer(action.question, carried as ConversationContext, { locale: context.activity.locale ?? '' });
    this.deps.logger.info({ event: 'card.action', verb: action.verb, kind: answer.reply.kind }, 'card action');
    return cardForReply(answer.reply, {
      question: action.question,
      context: JSON.stringify(carried),
      showDerivation: action.verb === 'showDerivation',
      showSource: action.verb === 'showSource',
    });
  }

  private replyActivity(reply: Reply, question: string, previous: ConversationContext) {
    const card = cachedCard(reply, { question, context: JSON.stringify(previous) });
    // The next natural questions are buttons on the card (at most three), not suggested actions:
    // Teams shows those only in personal chats, and they would repeat the card's buttons.
    return MessageFactory.attachment(CardFactory.adaptiveCard(card), keySentence(reply.text));
  }

  /** Teams sends both installationUpdate and conversationUpdate on install: a create-only marker welcomes once. */
  private async welcomeOnce(context: TurnContext): Promise<void> {
    try {
      await this.deps.documents.put(welcomeKey(context), { at: new Date().toISOString() }, { ifNoneMatch: '*' });
    } catch (error) {
      if (error instanceof PreconditionFailedError) return;
      throw error;
    }
    const lang = langOf(context);
    const answer = this.deps.brain.answer(lang === 'sv' ? 'hjälp' : 'help', {}, { lang });
    this.deps.logger.info({ event: 'welcome', conversation: context.activity.conversation.id }, 'welcomed');
    const card = welcomeCard(lang, this.deps.welcome.known(lang), answer.reply.suggestions);
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), keySentence(answer.reply.text)));
  }
}

/** A remembered (frozen) reply gets the card made for it before: expanding a template is the costly part. */
const cards = new WeakMap<Reply, Map<string, object>>();

function cachedCard(reply: Reply, options: { question: string; context: string }): object {
  if (!Object.isFrozen(reply)) return cardForReply(reply, options);
  const key = `${options.question}\u0000${options.context}`;
  let byOptions = cards.get(reply);
  if (!byOptions) cards.set(reply, (byOptions = new Map()));
  let card = byOptions.get(key);
  if (!card) byOptions.set(key, (card = cardForReply(reply, options)));
  return card;
}

function welcomeKey(context: TurnContext): string {
  return `welcome/${context.activity.conversation.id}`;
}

export function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId ?? undefined;
}

function langOf(context: TurnContext): 'sv' | 'en' {
  return /^en\b/i.test(context.activity.locale ?? '') ? 'en' : 'sv';
}

export function correlationId(context: TurnContext): string {
  return context.activity.id ?? `${Date.now().toString(36)}`;
}

/** The first sentence: what notifications and screen readers say. */
export function keySentence(text: string): string {
  return text.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])/)[0] ?? text;
}
