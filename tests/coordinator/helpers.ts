// Shared pieces of the coordinator tests: a Teams that records what is posted, a clock that moves,
// and the conversations of a tenant (an asker's personal chat, two team channels).
import { expect } from 'vitest';
import type { ConversationContext } from '../../src/brain/context.js';
import type { ConversationRecord, Person, Sender } from '../../src/coordinator/conversation.js';
import { subjectOf, type Subject } from '../../src/coordinator/subject.js';
import { loadKnowledge, type LoadedKnowledge } from '../../src/knowledge/index.js';
import type { AskInput } from '../../src/coordinator/tickets.js';

export class RecordingTeams implements Sender {
  readonly sent: { conversationId: string; activity: Record<string, unknown> }[] = [];
  /** Sends to fail (with this message) before the next success, per conversation. */
  readonly failures = new Map<string, number>();
  delayMs = 0;
  private next = 1;

  async send(conversation: ConversationRecord, activity: Record<string, unknown>): Promise<string> {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const failing = this.failures.get(conversation.conversationId) ?? 0;
    if (failing > 0) {
      this.failures.set(conversation.conversationId, failing - 1);
      throw new Error('Teams answered 502');
    }
    this.sent.push({ conversationId: conversation.conversationId, activity });
    return `activity-${this.next++}`;
  }

  to(conversationId: string) {
    return this.sent.filter((sent) => sent.conversationId === conversationId);
  }
}

/** The Adaptive Card of a sent activity. */
export function cardOf(activity: Record<string, unknown>): Record<string, unknown> {
  const attachments = activity.attachments as { contentType: string; content: Record<string, unknown> }[];
  expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments[0]!.content;
}

/** Every text a card shows (TextBlocks), and every button title. */
export function textsOf(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const object = node as Record<string, unknown>;
      if ((object.type === 'TextBlock' || object.type?.toString().startsWith('Action.')) && typeof (object.text ?? object.title) === 'string') found.push(String(object.text ?? object.title));
      for (const [key, child] of Object.entries(object)) if (key !== 'fallback' && key !== 'data') walk(child);
    }
  };
  walk(card);
  return found;
}

export function typesOf(card: unknown): string[] {
  return JSON.stringify(card).match(/"type":"[^"]+"/g)?.map((match) => match.slice(8, -1)) ?? [];
}

export class MovingClock {
  constructor(public at: Date) {}
  now = () => new Date(this.at);
  advance(ms: number) {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

export function conversation(conversationId: string, tenantId: string | undefined = TENANT, locale = 'sv-SE'): ConversationRecord {
  return {
    conversationId,
    reference: { conversation: { id: conversationId, ...(tenantId ? { tenantId } : {}) }, serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams', bot: { id: '28:bot' } },
    ...(tenantId ? { tenantId } : {}),
    locale,
    savedAt: '2026-12-01T08:00:00.000Z',
  };
}

export const ASKER: Person = { id: 'aad-asker', name: 'Karin Berg' };
export const EXPERT: Person = { id: 'aad-expert', name: 'Anna Lind' };
export const SECOND_EXPERT: Person = { id: 'aad-expert-2', name: 'Per Ek' };
export const ADMIN: Person = { id: 'aad-admin', name: 'Lars Holm' };

export const ASKER_CHAT = 'a:1askerPersonalChat';
export const EXPERT_CHANNEL = '19:experts@thread.tacv2';
export const OTHER_CHANNEL = '19:general@thread.tacv2';
/** A press on the ticket card: Teams names the card's thread in the channel. */
export const IN_CHANNEL = { conversationId: `${EXPERT_CHANNEL};messageid=1764749700000` };

export function askInput(overrides: Partial<AskInput> = {}): AskInput {
  return {
    requestId: 'answer-card-1',
    question: 'Hur mycket får Uppsala?',
    asker: ASKER,
    askerConversation: conversation(ASKER_CHAT),
    lang: 'sv',
    bot: { kind: 'unknown', text: 'Jag hittar inte Uppsala i dokumenten.' },
    reason: 'unknown',
    subject: { topic: 'amount', place: 'Uppsala' },
    ...overrides,
  };
}

let knowledge: LoadedKnowledge | undefined;

/** The knowledge store the bot runs with, loaded once per test file. */
export function knowledgeStore() {
  knowledge ??= loadKnowledge();
  return knowledge.store;
}

/** What the composition root passes as `classify`: the brain's reading of the question. */
export const classify = (question: string, context: ConversationContext): Subject => subjectOf(question, knowledgeStore(), context);
