// Teams-shaped activities, as the Teams channel posts them to /api/messages.
import { randomUUID } from 'node:crypto';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

export interface Conversation {
  id: string;
  type: 'personal' | 'groupChat' | 'channel';
  serviceUrl: string;
  tenant?: string;
  locale?: string;
}

export function conversation(serviceUrl: string, type: Conversation['type'] = 'personal', overrides: Partial<Conversation> = {}): Conversation {
  return { id: `a:${randomUUID()}`, type, serviceUrl, tenant: TENANT, locale: 'sv-SE', ...overrides };
}

function base(c: Conversation, type: string) {
  return {
    type,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${c.serviceUrl}/`,
    from: { id: '29:user-1', name: 'Anna Andersson', aadObjectId: 'user-1' },
    recipient: { id: '28:bot-id', name: 'Stimulansboten' },
    conversation: { id: c.id, conversationType: c.type, tenantId: c.tenant, ...(c.type !== 'personal' ? { isGroup: true } : {}) },
    channelData: { tenant: { id: c.tenant }, ...(c.type === 'channel' ? { team: { id: '19:team' }, channel: { id: '19:channel' } } : {}) },
    locale: c.locale,
  };
}

export function message(c: Conversation, text: string, extra: Record<string, unknown> = {}) {
  return { ...base(c, 'message'), text, textFormat: 'plain', ...extra };
}

/** A channel message that @mentions the bot, as Teams sends it. */
export function mention(c: Conversation, text: string) {
  const tag = '<at>Stimulansboten</at>';
  return message(c, `${tag} ${text}`, { entities: [{ type: 'mention', text: tag, mentioned: { id: '28:bot-id', name: 'Stimulansboten' } }] });
}

export function install(c: Conversation) {
  return { ...base(c, 'installationUpdate'), action: 'add' };
}

export function uninstall(c: Conversation) {
  return { ...base(c, 'installationUpdate'), action: 'remove' };
}

export function botAdded(c: Conversation) {
  return { ...base(c, 'conversationUpdate'), membersAdded: [{ id: '28:bot-id' }] };
}

/** What Teams sends when an Action.Execute button is clicked. */
export function execute(c: Conversation, verb: string, data: unknown) {
  return { ...base(c, 'invoke'), name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}

/** What Teams sends for an Action.Submit click. */
export function submit(c: Conversation, value: unknown) {
  return { ...base(c, 'message'), value };
}

/** What Teams sends when someone types in the compose box's search (message extension). */
export function composeQuery(c: Conversation, text: string | undefined, queryOptions: { skip?: number; count?: number } = { skip: 0, count: 25 }) {
  return {
    ...base(c, 'invoke'),
    name: 'composeExtension/query',
    value: { commandId: 'lookup', parameters: text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }], queryOptions },
  };
}
