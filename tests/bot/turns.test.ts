// Turn-level tests with botbuilder's TestAdapter: the bot's handlers without HTTP.
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { StimulusBot } from '../../src/bot/bot.js';
import { DocumentStorage } from '../../src/bot/storage.js';
import { knownPlaces } from '../../src/brain/answers/unknown.js';
import { Subscriptions } from '../../src/notifications/subscriptions.js';
import { MemoryDocumentStore } from '../../src/platform/file-store.js';
import { createLogger } from '../../src/platform/logger.js';
import { brain, store } from '../brain/ask.js';

function botWith(allowedTenants: string[] = []) {
  const documents = new MemoryDocumentStore();
  const logs: Record<string, any>[] = [];
  const bot = new StimulusBot({
    brain,
    store,
    storage: new DocumentStorage(documents),
    documents,
    logger: createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) }),
    allowedTenants,
    welcome: { known: (lang) => knownPlaces({ store, lang }) },
    subscriptions: new Subscriptions(documents),
    reminderSchedule: { daysBefore: [30, 7, 1], hour: 9 },
    now: () => new Date('2026-11-22T08:00:00Z'),
  });
  const adapter = new TestAdapter((context) => bot.run(context), { channelId: 'msteams', conversation: { id: 'conv-1', conversationType: 'personal', isGroup: false, name: '' } as never, locale: 'sv-SE' } as Partial<Activity> as never);
  return { adapter, logs, documents };
}

const cardText = (activity: Partial<Activity>) => JSON.stringify(activity.attachments?.[0]?.content ?? {}).replace(/\u00a0/g, ' ');

describe('a turn', () => {
  it('answers a question with an Adaptive Card and the key sentence', async () => {
    const { adapter } = botWith();
    await adapter.send('Hur mycket får Mora?').assertReply((activity) => {
      expect(activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(activity.text?.replace(/\u00a0/g, ' ')).toContain('593 461 kr');
      expect(cardText(activity)).toContain('395 640,36 kr');
    });
  });

  it('keeps the conversation for a follow-up', async () => {
    const { adapter } = botWith();
    await adapter
      .send('Hur mycket får Mora?')
      .assertReply(() => undefined)
      .send('och Falun?')
      .assertReply((activity) => expect(cardText(activity)).toContain('1 726 309 kr'));
  });

  it('treats an empty message as a request for help', async () => {
    const { adapter } = botWith();
    await adapter.send('').assertReply((activity) => expect(cardText(activity)).toContain('Dalarna'));
  });

  it('answers an Action.Execute with an updated card', async () => {
    const { adapter } = botWith();
    await adapter
      .send({ type: ActivityTypes.Invoke, name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'showDerivation', data: { question: 'Hur mycket får Mora?', context: '{}' } } } } as Partial<Activity>)
      .assertReply((activity) => {
        expect(activity.type).toBe('invokeResponse');
        const body = (activity.value as { body: { value: unknown } }).body;
        expect(JSON.stringify(body.value).replace(/\u00a0/g, ' ')).toContain('593 460,54 kr');
      });
  });

  it('welcomes once per conversation however many install events arrive', async () => {
    const { adapter } = botWith();
    const add = { type: ActivityTypes.InstallationUpdate, action: 'add' } as Partial<Activity>;
    const added = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'bot', name: 'Stimulansboten' }], recipient: { id: 'bot', name: 'Stimulansboten' } } as Partial<Activity>;
    await adapter.send(add).assertReply((activity) => expect(cardText(activity)).toContain('Hur mycket får Mora?')).send(added).send(add).assertNoReply();
  });

  it('says the welcome intro once: the message text is the title, the intro is in the card only', async () => {
    const { adapter } = botWith();
    await adapter.send({ type: ActivityTypes.InstallationUpdate, action: 'add' } as Partial<Activity>).assertReply((activity) => {
      expect(activity.text).toBe('Välkommen till Stimulansboten');
      expect(cardText(activity).match(/Jag svarar på frågor/g)).toHaveLength(1);
    });
  });

  it('answers with one line of text that the card does not repeat, and the card leads with the figure', async () => {
    const { adapter } = botWith();
    await adapter.send('När ska fakturan skickas?').assertReply((activity) => {
      const card = activity.attachments![0]!.content as { body: { text?: string }[]; fallbackText: string };
      expect(card.fallbackText).toBe(activity.text);
      expect(JSON.stringify(card.body)).not.toContain(JSON.stringify(activity.text).slice(1, -1));
      // The date once in the card.
      expect(JSON.stringify(card.body).match(/1 mars–31 maj 2023/g)).toHaveLength(1);
    });
  });

  it('does not answer a tenant that is not allowed', async () => {
    const { adapter, logs } = botWith(['allowed-tenant']);
    await adapter.send({ type: 'message', text: 'Hur mycket får Mora?', channelData: { tenant: { id: 'other' } } } as Partial<Activity>).assertNoReply();
    expect(logs.some((line) => line.event === 'tenant.refused')).toBe(true);
  });
});
