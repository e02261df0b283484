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
import type { AdaptiveCardJson } from '../cards/expand.js';
import { summaryLine } from '../cards/summary.js';
import { startList } from './start-list.js';
import { subscriptionReply, type SubscriptionOutcome } from './subscription-reply.js';
import type { Lang } from '../brain/format.js';
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
import { readCoordinatorAction, type CoordinatorAction } from '../coordinator/actions.js';
import type { Coordinator } from '../coordinator/coordinator.js';
import { CoordinatorTurns } from './coordinator-turns.js';

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
  /** Expert channel, tickets and feedback; without it answer cards have neither "Fråga en samordnare" nor 👍 / 👎 presses answered. */
  coordinator?: Coordinator;
  now: () => Date;
}

export class StimulusBot extends TeamsActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly brainContext: StatePropertyAccessor<ConversationContext>;

  private readonly allowedTenants: Set<string> | undefined;
  /** Answer cards, expanded once per distinct reply. */
  private readonly cards = new ReplyCards();
  private readonly coordinator: CoordinatorTurns | undefined;

  constructor(private readonly deps: BotDependencies) {
    super();
    // Tenant ids are GUIDs, written in either case.
    this.allowedTenants = deps.allowedTenants.length > 0 ? new Set(deps.allowedTenants.map((id) => id.toLowerCase())) : undefined;
    this.conversationState = new ConversationState(deps.storage);
    this.brainContext = this.conversationState.createProperty<ConversationContext>('brain');
    this.coordinator = deps.coordinator ? new CoordinatorTurns({ coordinator: deps.coordinator, brain: deps.brain, cards: this.cards, logger: deps.logger, now: deps.now }) : undefined;

    this.onMessage(async (context, next) => {
      const value = context.activity.value as unknown;
      if (value && typeof value === 'object' && 'verb' in value) await this.handleSubmit(context, value);
      else if (isInsertedCard(context.activity)) this.deps.logger.info({ event: 'card.inserted', conversation: context.activity.conversation.id }, 'a card inserted from the compose box: not a question');
      else await this.answerText(context, TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '');
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

  /** A typed message: an expert-channel command, or else a question. */
  private async answerText(context: TurnContext, text: string): Promise<void> {
    if (this.coordinator && (await this.coordinator.command(context, text))) return;
    await this.answerMessage(context, text);
  }

  /**
   * A question, typed or sent by a suggestion button (Action.Execute or its Action.Submit fallback): answered
   * in the conversation's context with one new message.
   */
  private async answerMessage(context: TurnContext, question: string): Promise<Reply> {
    // As long as a question can be (the brain reads no more): the card and its caches carry no more either.
    const text = question.trim().slice(0, 500);
    const previous = await this.readContext(context);
    const answer = this.deps.brain.answer(text === '' ? 'hjälp' : text, previous, { locale: context.activity.locale ?? '' });
    await this.writeContext(context, answer.context);
    if (answer.reply.action) {
      const reply = await this.carryOut(context, answer.reply);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(cardForReply(reply, { question: text, context: JSON.stringify(previous) })), summaryLine(reply.text)));
      return reply;
    }
    this.deps.logger.info({ event: 'answer', kind: answer.reply.kind, lang: answer.reply.lang, intent: answer.context.intent as Intent | undefined, conversation: context.activity.conversation.id }, 'answered');
    const offerAsk = this.coordinator ? await this.coordinator.answered(context, text, previous, answer.reply) : false;
    await context.sendActivity(this.replyActivity(answer.reply, text, previous, offerAsk));
    return answer.reply;
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
    const coordinatorAction = this.coordinatorActionOf(invokeValue?.action?.verb, invokeValue?.action?.data);
    if (coordinatorAction) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: (await this.coordinator!.act(context, coordinatorAction)) as never };
    const parsed = cardActionSchema.safeParse({ verb: invokeValue?.action?.verb, ...(invokeValue?.action?.data as object | undefined) });
    if (!parsed.success) {
      this.deps.logger.warn({ event: 'invoke.invalid', issues: parsed.error.issues.length }, 'card action with an invalid payload');
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: errorCard(langOf(context), correlationId(context)) as never };
    }
    if (parsed.data.verb === 'ask') {
      // A suggestion: the card it is on stays as it is; the answer comes as a new message, as if typed.
      if (!(await this.withinRateLimit(context))) return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: slowDownText(langOf(context)) as never };
      const reply = await this.answerMessage(context, parsed.data.question);
      // Teams shows this on the clicked card for a moment: where the answer is, not the answer a second time.
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: ANSWERED_BELOW[reply.lang] as never };
    }
    const card = this.cardForAction(context, parsed.data);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as never };
  }

  /** Compose-box quick lookups (search-based message extension): ranked answers, each a card to insert. */
  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    const text = searchText(query).slice(0, 200);
    const skip = clampInt(query?.queryOptions?.skip, 0, 0, 1000);
    const count = clampInt(query?.queryOptions?.count, 10, 1, 25);
    const locale = context.activity.locale ?? '';
    const results = text === '' ? startList(this.deps.brain, langOf(context)) : lookup(this.deps.brain, this.deps.store, text, locale);
    this.deps.logger.info({ event: 'lookup', results: results.length, skip, count, start: text === '' }, 'compose-box lookup');
    // Inserted into any chat, also one without the bot: no button that would need the bot to answer it.
    const attachments = results.slice(skip, skip + count).map(({ question, reply }) => ({
      ...CardFactory.adaptiveCard(this.cards.card(reply, { question, context: '{}', insertable: true })),
      preview: CardFactory.thumbnailCard(reply.title, previewText(reply)),
    }));
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
  }

  /** Action.Submit, the fallback of clients without universal actions: send the updated card. */
  private async handleSubmit(context: TurnContext, value: object): Promise<void> {
    const { verb, ...data } = value as { verb?: unknown };
    const coordinatorAction = this.coordinatorActionOf(verb, data);
    if (coordinatorAction) {
      const card = await this.coordinator!.act(context, coordinatorAction);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), typeof card.fallbackText === 'string' ? card.fallbackText : undefined));
      return;
    }
    const parsed = cardActionSchema.safeParse(value);
    if (parsed.success && parsed.data.verb === 'ask') {
      await this.answerMessage(context, parsed.data.question);
      return;
    }
    const card = parsed.success ? this.cardForAction(context, parsed.data) : errorCard(langOf(context), correlationId(context));
    if (!parsed.success) this.deps.logger.warn({ event: 'submit.invalid' }, 'card submit with an invalid payload');
    // The card's own one line, so that a notification of it does not read "Card".
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), typeof card.fallbackText === 'string' ? card.fallbackText : undefined));
  }

  /** A press of a coordinator button (ask, take, answer, 👍 / 👎, comment), when the coordinator is wired. */
  private coordinatorActionOf(verb: unknown, data: unknown): CoordinatorAction | undefined {
    return this.coordinator && typeof verb === 'string' ? readCoordinatorAction(verb, data) : undefined;
  }

  private cardForAction(context: TurnContext, action: CardAction): AdaptiveCardJson {
    const carried = parseCarriedContext(action.context);
    if (action.whatIf !== undefined || action.verb === 'recalculate') return this.recalculated(context, action, carried as ConversationContext);
    const answer = this.deps.brain.answer(action.question, carried as ConversationContext, { locale: context.activity.locale ?? '' });
    this.deps.logger.info({ event: 'card.action', verb: action.verb, kind: answer.reply.kind }, 'card action');
    return this.cards.card(answer.reply, {
      question: action.question,
      context: JSON.stringify(carried),
      showDerivation: action.verb === 'showDerivation',
      showSource: action.verb === 'showSource',
      ...(action.verb === 'more' && action.from !== undefined ? { from: action.from } : {}),
    });
  }

  /** A what-if card's action ("Räkna om", or a section opened): the same what-if with the card's amount and fund. */
  private recalculated(context: TurnContext, action: CardAction, carried: ConversationContext): AdaptiveCardJson {
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

  private replyActivity(reply: Reply, question: string, previous: ConversationContext, offerAsk: boolean) {
    const card = this.cards.card(reply, { question, context: JSON.stringify(previous), ...(offerAsk ? { offerAsk } : {}) });
    // The next natural questions are buttons on the card (at most three), not suggested actions:
    // Teams shows those only in personal chats, and they would repeat the card's buttons.
    return MessageFactory.attachment(CardFactory.adaptiveCard(card), summaryLine(reply.text));
  }

  /** Subscriptions change state: the brain understood the request, the bot does it and says what it did. */
  private async carryOut(context: TurnContext, reply: Reply): Promise<Reply> {
    const action = reply.action!;
    const conversationId = context.activity.conversation.id;
    const regionName = (id: string) => this.deps.store.place(id)?.name ?? id;
    let outcome: SubscriptionOutcome = 'listed';
    if (action.type === 'subscribe' && action.region) {
      // The conversation's language goes with it: reminders are written in it.
      await this.rememberConversation(context, reply.lang);
      outcome = await this.deps.subscriptions.subscribe(conversationId, action.region, this.deps.now());
    } else if (action.type === 'unsubscribe' && action.region) {
      outcome = (await this.deps.subscriptions.unsubscribe(conversationId, action.region)) ? 'removed' : 'absent';
    }
    const following = (await this.deps.subscriptions.forConversation(conversationId)).filter((s) => s.active).map((s) => regionName(s.region));
    this.deps.logger.info({ event: `subscription.${action.type}`, region: action.region ?? null, outcome, conversation: conversationId }, 'subscription');
    return subscriptionReply(reply, { outcome, ...(action.region ? { region: regionName(action.region) } : {}), following, schedule: this.deps.reminderSchedule });
  }

  /** Where to reach this conversation later (proactive reminders), as Teams Toolkit's notification template does. */
  private async rememberConversation(context: TurnContext, subscribedIn?: Lang): Promise<void> {
    // An install event after a subscription keeps the language it was made in.
    const lang = subscribedIn ?? (await this.deps.subscriptions.conversation(context.activity.conversation.id).catch(() => undefined))?.lang;
    await this.deps.subscriptions.saveConversation({
      conversationId: context.activity.conversation.id,
      reference: TurnContext.getConversationReference(context.activity) as Record<string, unknown>,
      ...(tenantOf(context) ? { tenantId: tenantOf(context)! } : {}),
      ...(context.activity.locale ? { locale: context.activity.locale } : {}),
      ...(lang ? { lang } : {}),
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
    // The text is the card's own one line (its title): the intro is said once, in the card.
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), card.fallbackText as string));
  }
}

const STATE_UNAVAILABLE = Symbol('state unavailable this turn');

/** What a clicked suggestion's card says while the answer arrives as a new message. */
const ANSWERED_BELOW: Record<Lang, string> = { sv: 'Svaret kommer nedan.', en: 'The answer follows below.' };

function clampInt(value: unknown, fallback: number, min: number, max: number): number {
  const number = typeof value === 'number' && Number.isInteger(value) ? value : fallback;
  return Math.min(max, Math.max(min, number));
}

/** The figure and the key sentence, short enough for a result list. */
function previewText(reply: Reply): string {
  const sentence = summaryLine(reply.text);
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

/** What notifications and screen readers say of a reply (the reminder sender in app.ts uses it too). */
export const keySentence = summaryLine;

/** The search text of a compose-box query; none for the first run (`initialRun`) before anything is typed. */
function searchText(query: MessagingExtensionQuery | undefined): string {
  const parameter = query?.parameters?.find((p) => p.name !== 'initialRun') ?? undefined;
  return typeof parameter?.value === 'string' ? parameter.value.trim() : '';
}

/** A message carrying one of this bot's cards and no question of its own: a card inserted from the compose box. */
function isInsertedCard(activity: TurnContext['activity']): boolean {
  const cards = (activity.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (cards.length === 0) return false;
  const text = (activity.text ?? '').replace(/<[^>]*>/g, '').trim();
  return text === '' || cards.some((card) => (card.content as { fallbackText?: unknown } | undefined)?.fallbackText === text);
}
