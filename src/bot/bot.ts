// The Teams bot: understand the message, ask the brain, send a card. Everything botbuilder-specific
// lives in this folder so that a move to the Teams SDK or the M365 Agents SDK touches nothing else.
import {
  ActivityTypes,
  CardFactory,
  ConversationState,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
  type Storage,
} from 'botbuilder';
import type { Brain } from '../brain/brain.js';
import type { ConversationContext, Intent } from '../brain/context.js';
import type { Reply } from '../brain/reply.js';
import { cardForReply, errorCard, slowDownCard, slowDownText, welcomeCard } from '../cards/view.js';
import { joinList } from '../brain/format.js';
import { langOfLocale } from '../brain/language.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import type { Subscriptions } from '../notifications/subscriptions.js';
import { lookup } from '../brain/lookup.js';
import { PreconditionFailedError, type DocumentStore } from '../platform/file-store.js';
import type { Logger } from '../platform/logger.js';
import { stockholmDate } from '../platform/clock.js';
import { conversationSegment } from '../platform/keys.js';
import type { ConversationRateLimit } from '../platform/rate-limit.js';
import { recalculate } from '../brain/recalculate.js';
import { cardActionSchema, parseCarriedContext, parseWhatIfFrame, type CardAction } from './actions.js';
import { ReplyCards } from './reply-cards.js';

export interface BotDependencies {
  brain: Brain;
  /** For compose-box lookups: place names for the related questions. */
  store: KnowledgeStore;
  storage: Storage;
  /** For exactly-once markers (the welcome): create-only writes. */
  documents: DocumentStore;
  logger: Logger;
  allowedTenants: string[];
  /** What the welcome card says the bot knows. */
  welcome: { known: (lang: 'sv' | 'en') => string[] };
  /** Where reminders go: conversations and the regions they follow. */
  subscriptions: Subscriptions;
  /** When reminders are sent, as configured: the confirmation says so. */
  reminderSchedule: { daysBefore: number[]; hour: number };
  /** Incoming messages per conversation; none when absent. */
  rateLimit?: ConversationRateLimit;
  now: () => Date;
}

export class StimulusBot extends TeamsActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly brainContext: StatePropertyAccessor<ConversationContext>;

  private readonly allowedTenants: Set<string> | undefined;
  /** Answer cards, expanded once per distinct reply. */
  private readonly cards = new ReplyCards();

  constructor(private readonly deps: BotDependencies) {
    super();
    // Tenant ids are GUIDs, written in either case.
    this.allowedTenants = deps.allowedTenants.length > 0 ? new Set(deps.allowedTenants.map((id) => id.toLowerCase())) : undefined;
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
      await this.forget(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botAdded) await this.welcomeOnce(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const botRemoved = (context.activity.membersRemoved ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botRemoved) await this.forget(context);
      await next();
    });
  }

  /**
   * Refuses activities from tenants that are not allowed before any handler sees them (an invoke gets a
   * 403 invoke response, everything else no reply), and messages over a conversation's rate limit.
   */
  override async run(context: TurnContext): Promise<void> {
    const tenant = tenantOf(context);
    if (this.allowedTenants && !(tenant && this.allowedTenants.has(tenant.toLowerCase()))) {
      this.deps.logger.warn({ event: 'tenant.refused', tenant: tenant ?? null, type: context.activity.type, conversation: context.activity.conversation?.id }, 'activity from a tenant that is not allowed');
      if (context.activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body: { error: 'This app is not available in your organisation.' } } });
      }
      return;
    }
    if (context.activity.type === ActivityTypes.Message && !(await this.withinRateLimit(context))) return;
    await super.run(context);
    if (context.turnState.get(STATE_UNAVAILABLE)) return;
    try {
      await this.conversationState.saveChanges(context);
    } catch (error) {
      // Storage unavailable: the answer was given; only the follow-up context of this turn is lost.
      this.deps.logger.warn({ event: 'state.save_failed', err: error, conversation: context.activity.conversation?.id }, 'conversation state not saved');
    }
  }

  /** Over the limit: the first message is told so (once), the rest get no reply and cost no answer. */
  private async withinRateLimit(context: TurnContext): Promise<boolean> {
    const verdict = this.deps.rateLimit?.check(context.activity.conversation?.id ?? '') ?? 'allowed';
    if (verdict === 'allowed') return true;
    this.deps.logger.warn({ event: 'rate.limited', told: verdict === 'refused', conversation: context.activity.conversation?.id }, 'message over the conversation rate limit');
    if (verdict === 'refused') {
      const lang = langOf(context);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(slowDownCard(lang)), slowDownText(lang)));
    }
    return false;
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    // As long as a question can be (the brain reads no more): the card and its caches carry no more either.
    const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim().slice(0, 500);
    const previous = await this.readContext(context);
    const answer = this.deps.brain.answer(text === '' ? 'hjälp' : text, previous, { locale: context.activity.locale ?? '' });
    await this.writeContext(context, answer.context);
    if (answer.reply.action) {
      const reply = await this.carryOut(context, answer.reply);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(cardForReply(reply, { question: text, context: JSON.stringify(previous) })), keySentence(reply.text)));
      return;
    }
    this.deps.logger.info({ event: 'answer', kind: answer.reply.kind, lang: answer.reply.lang, intent: answer.context.intent as Intent | undefined, conversation: context.activity.conversation.id }, 'answered');
    await context.sendActivity(this.replyActivity(answer.reply, text, previous));
  }

  /** The conversation so far; when storage is unavailable, questions are still answered, without it. */
  private async readContext(context: TurnContext): Promise<ConversationContext> {
    try {
      return await this.brainContext.get(context, {});
    } catch (error) {
      this.deps.logger.warn({ event: 'state.read_failed', err: error, conversation: context.activity.conversation.id }, 'answering without the conversation context');
      // Storage is away: this turn does not wait for it again (a write and a save would each time out).
      context.turnState.set(STATE_UNAVAILABLE, true);
      return {};
    }
  }

  private async writeContext(context: TurnContext, value: ConversationContext): Promise<void> {
    if (context.turnState.get(STATE_UNAVAILABLE)) return;
    try {
      await this.brainContext.set(context, value);
    } catch (error) {
      this.deps.logger.warn({ event: 'state.write_failed', err: error, conversation: context.activity.conversation.id }, 'follow-up context not kept');
    }
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

  /** Compose-box quick lookups (search-based message extension): ranked answers, each a card to insert. */
  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    const text = typeof query?.parameters?.[0]?.value === 'string' ? query.parameters[0].value.slice(0, 200) : '';
    const skip = clampInt(query?.queryOptions?.skip, 0, 0, 1000);
    const count = clampInt(query?.queryOptions?.count, 10, 1, 25);
    const results = lookup(this.deps.brain, this.deps.store, text, context.activity.locale ?? '');
    this.deps.logger.info({ event: 'lookup', results: results.length, skip, count }, 'compose-box lookup');
    const attachments = results.slice(skip, skip + count).map(({ question, reply }) => ({
      ...CardFactory.adaptiveCard(this.cards.card(reply, { question, context: '{}' })),
      preview: CardFactory.thumbnailCard(reply.title, previewText(reply)),
    }));
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
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
    if (action.whatIf !== undefined || action.verb === 'recalculate') return this.recalculated(context, action, carried as ConversationContext);
    const answer = this.deps.brain.answer(action.question, carried as ConversationContext, { locale: context.activity.locale ?? '' });
    this.deps.logger.info({ event: 'card.action', verb: action.verb, kind: answer.reply.kind }, 'card action');
    return this.cards.card(answer.reply, {
      question: action.question,
      context: JSON.stringify(carried),
      showDerivation: action.verb === 'showDerivation',
      showSource: action.verb === 'showSource',
    });
  }

  /** A what-if card's action ("Räkna om", or a section opened): the same what-if with the card's amount and fund. */
  private recalculated(context: TurnContext, action: CardAction, carried: ConversationContext): object {
    const frame = action.whatIf === undefined ? undefined : parseWhatIfFrame(action.whatIf);
    if (!frame) {
      this.deps.logger.warn({ event: 'invoke.invalid', verb: action.verb, reason: 'whatIf' }, 'card action with an invalid what-if');
      return errorCard(langOf(context), correlationId(context));
    }
    const reply = recalculate(this.deps.store, { question: action.question, context: carried, frame, amount: action.amount, fund: action.fund, today: stockholmDate(this.deps.now()) });
    this.deps.logger.info({ event: 'card.action', verb: action.verb, kind: reply.kind, recalculated: reply.calculator?.problem === undefined }, 'card action');
    return cardForReply(reply, {
      question: action.question,
      context: JSON.stringify(carried),
      showDerivation: action.verb === 'showDerivation',
      showSource: action.verb === 'showSource',
    });
  }

  private replyActivity(reply: Reply, question: string, previous: ConversationContext) {
    const card = this.cards.card(reply, { question, context: JSON.stringify(previous) });
    // The next natural questions are buttons on the card (at most three), not suggested actions:
    // Teams shows those only in personal chats, and they would repeat the card's buttons.
    return MessageFactory.attachment(CardFactory.adaptiveCard(card), keySentence(reply.text));
  }

  /** Subscriptions change state: the brain understood the request, the bot does it and says what it did. */
  private async carryOut(context: TurnContext, reply: Reply): Promise<Reply> {
    const action = reply.action!;
    const sv = reply.lang === 'sv';
    const conversationId = context.activity.conversation.id;
    const regionName = (id: string) => this.deps.store.place(id)?.name ?? id;
    const done: Reply = { ...reply, notes: [...reply.notes], known: [], suggestions: [] };
    if (action.type === 'subscribe' && action.region) {
      await this.rememberConversation(context);
      const result = await this.deps.subscriptions.subscribe(conversationId, action.region, this.deps.now());
      const name = regionName(action.region);
      const { daysBefore, hour } = this.deps.reminderSchedule;
      const days = joinList([...daysBefore].sort((a, b) => b - a).map(String), reply.lang);
      const at = String(hour).padStart(2, '0');
      done.text =
        result === 'created'
          ? sv
            ? `Klart: den här konversationen får påminnelser om deadlines för ${name}, ${days} dagar före, kl. ${at}.00.`
            : `Done: this conversation gets deadline reminders for ${name}, ${days} days before, at ${at}:00 (Swedish time).`
          : sv
            ? `Den här konversationen prenumererar redan på påminnelser för ${name}.`
            : `This conversation already subscribes to reminders for ${name}.`;
      done.suggestions = [
        { title: sv ? 'Vilka deadlines är på gång?' : 'Upcoming deadlines', question: sv ? `Vilka deadlines är på gång i ${name}?` : `Which deadlines are coming up in ${name}?` },
        { title: sv ? 'Avsluta prenumerationen' : 'Unsubscribe', question: sv ? `Avsluta prenumerationen för ${name}` : `Unsubscribe from ${name}` },
      ];
    } else if (action.type === 'unsubscribe' && action.region) {
      const removed = await this.deps.subscriptions.unsubscribe(conversationId, action.region);
      const name = regionName(action.region);
      done.text = removed
        ? sv
          ? `Klart: inga fler påminnelser för ${name} i den här konversationen.`
          : `Done: no more reminders for ${name} in this conversation.`
        : sv
          ? `Den här konversationen prenumererar inte på påminnelser för ${name}.`
          : `This conversation does not subscribe to reminders for ${name}.`;
    }
    const current = (await this.deps.subscriptions.forConversation(conversationId)).filter((s) => s.active);
    done.known = current.map((s) => regionName(s.region));
    if (action.type === 'list') {
      done.text =
        current.length === 0
          ? sv
            ? 'Den här konversationen prenumererar inte på några påminnelser. Skriv till exempel ”prenumerera på påminnelser för Skåne”.'
            : 'This conversation subscribes to no reminders. Write for example “subscribe to reminders for Skåne”.'
          : sv
            ? `Den här konversationen får påminnelser för: ${done.known.join(', ')}.`
            : `This conversation gets reminders for: ${done.known.join(', ')}.`;
    }
    this.deps.logger.info({ event: `subscription.${action.type}`, region: action.region ?? null, conversation: conversationId }, 'subscription');
    return done;
  }

  /** Where to reach this conversation later (proactive reminders), as Teams Toolkit's notification template does. */
  private async rememberConversation(context: TurnContext): Promise<void> {
    await this.deps.subscriptions.saveConversation({
      conversationId: context.activity.conversation.id,
      reference: TurnContext.getConversationReference(context.activity) as Record<string, unknown>,
      ...(tenantOf(context) ? { tenantId: tenantOf(context)! } : {}),
      ...(context.activity.locale ? { locale: context.activity.locale } : {}),
      savedAt: this.deps.now().toISOString(),
    });
  }

  /** The bot was uninstalled or removed: forget the conversation, its subscriptions and its welcome. */
  private async forget(context: TurnContext): Promise<void> {
    await this.deps.subscriptions.removeConversation(context.activity.conversation.id);
    await this.deps.documents.delete(welcomeKey(context));
    this.deps.logger.info({ event: 'conversation.forgotten', conversation: context.activity.conversation.id }, 'bot removed from a conversation');
  }

  /** Teams sends both installationUpdate and conversationUpdate on install: a create-only marker welcomes once. */
  private async welcomeOnce(context: TurnContext): Promise<void> {
    await this.rememberConversation(context);
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

const STATE_UNAVAILABLE = Symbol('state unavailable this turn');

function clampInt(value: unknown, fallback: number, min: number, max: number): number {
  const number = typeof value === 'number' && Number.isInteger(value) ? value : fallback;
  return Math.min(max, Math.max(min, number));
}

/** The figure and the key sentence, short enough for a result list. */
function previewText(reply: Reply): string {
  const sentence = keySentence(reply.text);
  return sentence.length > 140 ? `${sentence.slice(0, 137)}…` : sentence;
}

function welcomeKey(context: TurnContext): string {
  return `welcome/${conversationSegment(context.activity.conversation.id)}`;
}

export function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId ?? undefined;
}

function langOf(context: TurnContext): 'sv' | 'en' {
  return langOfLocale(context.activity.locale);
}

export function correlationId(context: TurnContext): string {
  return context.activity.id ?? `${Date.now().toString(36)}`;
}

/** The first sentence: what notifications and screen readers say. */
export function keySentence(text: string): string {
  return text.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])/)[0] ?? text;
}
