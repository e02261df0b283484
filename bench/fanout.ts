// Reminder fan-out through the real adapter to a loopback connector: 10,000 subscribed conversations
// with the pacing limit raised (reminders per second, bot CPU per reminder), and 1,000 at Teams' real
// limit of 50 a second, where the pass must finish within 5 % of the 20 s the limit allows.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { CardFactory, MessageFactory } from 'botbuilder';
import { createAdapter } from '../src/bot/adapter.js';
import { keySentence } from '../src/bot/bot.js';
import { AdapterSender } from '../src/bot/proactive-sender.js';
import { cardForReply } from '../src/cards/view.js';
import { configSchema } from '../src/config.js';
import { loadKnowledge } from '../src/knowledge/index.js';
import { ReminderPass } from '../src/notifications/pass.js';
import { planReminders } from '../src/notifications/reminders.js';
import { reminderReply } from '../src/notifications/render.js';
import { Subscriptions } from '../src/notifications/subscriptions.js';
import { FileDocumentStore } from '../src/platform/file-store.js';
import { createLogger } from '../src/platform/logger.js';

export interface FanoutResult {
  conversations: number;
  seconds: number;
  perSecond: number;
  cpuMsPerReminder: number;
  sent: number;
  delivered: number;
}

async function startConnector(): Promise<{ url: string; count: () => Promise<number>; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/loopback-connector.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  const url = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
  return {
    url,
    count: async () => ((await (await fetch(`${url}/count`)).json()) as { count: number }).count,
    stop: () => child.kill(),
  };
}

/** The moment the pass runs as of: the day before Skåne's invoicing period ends. */
const AS_OF = new Date('2023-05-30T07:05:00Z');

async function fanout(conversations: number, perTenantPerSecond: number, parallelism: number): Promise<FanoutResult> {
  const connector = await startConnector();
  const dir = mkdtempSync(join(tmpdir(), 'stimulansboten-fanout-'));
  try {
    const { store } = loadKnowledge();
    const logger = createLogger('warn');
    const config = configSchema.parse({});
    const { adapter } = createAdapter(config, logger);
    const documents = new FileDocumentStore(dir);
    const subscriptions = new Subscriptions(documents);
    const subscribedAt = new Date('2023-01-01T00:00:00Z');
    for (let i = 0; i < conversations; i++) {
      const id = `a:fanout-${i}`;
      await subscriptions.saveConversation({
        conversationId: id,
        tenantId: 'tenant-1',
        locale: 'sv-SE',
        savedAt: subscribedAt.toISOString(),
        reference: { channelId: 'msteams', serviceUrl: `${connector.url}/`, conversation: { id, conversationType: 'groupChat' }, bot: { id: '28:bot', name: 'Stimulansboten' }, user: { id: '29:user' } },
      });
      await subscriptions.subscribe(id, 'skane', subscribedAt);
    }
    const clockStart = performance.now();
    // Skåne's invoicing ends 31 May 2023: one reminder due to every conversation.
    const reminders = planReminders(store.knowledge.deadlines).filter((r) => r.id === 'skane-2023-fakturering@1d');
    const pass = new ReminderPass(
      {
        store: documents,
        subscriptions,
        sender: new AdapterSender(adapter, ''),
        reminders: () => reminders,
        logger,
        // The pass runs on the day the reminder is due: a clock that starts then and moves as real time does.
        now: () => new Date(AS_OF.getTime() + (performance.now() - clockStart)),
        render: (reminder, _conversation, asOf) => {
          const reply = reminderReply(reminder, store, 'sv', asOf);
          return { ...MessageFactory.attachment(CardFactory.adaptiveCard(cardForReply(reply, { question: reply.title, context: '{}' })), keySentence(reply.text)) } as Record<string, unknown>;
        },
      },
      { instanceId: 'bench', perTenantPerSecond, perConversationPerSecond: 7, parallelism },
    );
    const cpu = process.cpuUsage();
    const started = performance.now();
    const counts = await pass.run(AS_OF);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const delivered = await connector.count();
    return { conversations, seconds, perSecond: counts.sent / seconds, cpuMsPerReminder: (used.user + used.system) / 1000 / Math.max(1, counts.sent), sent: counts.sent, delivered };
  } finally {
    connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFanout(): Promise<{ raised: FanoutResult; limited: FanoutResult }> {
  const raised = await fanout(10_000, 100_000, 64);
  const limited = await fanout(1_000, 50, 16);
  return { raised, limited };
}
