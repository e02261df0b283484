// The expert channel: registered by the command in a team channel, one per tenant, moved by the
// command in another channel, removed only from the channel itself; without one nothing can be asked.
import { describe, expect, it } from 'vitest';
import { Coordinator } from '../../src/coordinator/coordinator.js';
import { MemoryDocumentStore } from '../../src/platform/file-store.js';
import { ADMIN, conversation, EXPERT_CHANNEL, MovingClock, OTHER_CHANNEL, RecordingTeams, TENANT, classify } from './helpers.js';

function coordinator(store = new MemoryDocumentStore()) {
  return new Coordinator({ store, sender: new RecordingTeams(), now: new MovingClock(new Date('2026-12-03T08:00:00Z')).now, instanceId: 'test', retentionDays: 90, classify });
}

const inChannel = (conversationId: string, tenantId = TENANT) => ({ conversation: conversation(conversationId, tenantId), conversationType: 'channel', by: ADMIN });

describe('the expert channel', () => {
  it('is registered by “använd den här kanalen …” in a channel, and the bot confirms in Swedish', async () => {
    const c = coordinator();
    expect(await c.tickets.canAsk(TENANT)).toBe(false);
    const reply = await c.command('<at>Stimulansboten</at> använd den här kanalen för frågor till samordnare', inChannel(EXPERT_CHANNEL));
    expect(reply).toMatchObject({ outcome: 'registered', lang: 'sv' });
    expect(reply?.text).toContain('skickas hit');
    expect(await c.tickets.canAsk(TENANT)).toBe(true);
    const stored = await c.channels.get(TENANT);
    expect(stored).toMatchObject({ channel: { conversationId: EXPERT_CHANNEL }, lang: 'sv', registeredBy: ADMIN, registeredAt: '2026-12-03T08:00:00.000Z' });
  });

  it('written in a thread of the channel, posts go to the channel itself, not into that thread', async () => {
    const c = coordinator();
    const thread = conversation(`${EXPERT_CHANNEL};messageid=1764749700000`);
    await c.command('använd den här kanalen för frågor till samordnare', { conversation: thread, conversationType: 'channel', by: ADMIN });
    const stored = await c.channels.get(TENANT);
    expect(stored?.channel.conversationId).toBe(EXPERT_CHANNEL);
    expect(stored?.channel.reference).toMatchObject({ conversation: { id: EXPERT_CHANNEL, tenantId: TENANT }, serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    expect(await c.command('sluta använda den här kanalen', { conversation: conversation(`${EXPERT_CHANNEL};messageid=2`), conversationType: 'channel', by: ADMIN })).toMatchObject({ outcome: 'removed' });
  });

  it('answers the English command in English and remembers the channel speaks English', async () => {
    const c = coordinator();
    const reply = await c.command('use this channel for coordinator questions', inChannel(EXPERT_CHANNEL));
    expect(reply).toMatchObject({ outcome: 'registered', lang: 'en', text: 'Done: coordinator questions will be posted to this channel.' });
    expect((await c.channels.get(TENANT))?.lang).toBe('en');
  });

  it('is one per tenant: the command in another channel moves it there', async () => {
    const c = coordinator();
    await c.command('använd den här kanalen för frågor till samordnare', inChannel(EXPERT_CHANNEL));
    expect(await c.command('använd den här kanalen för frågor till samordnare', inChannel(EXPERT_CHANNEL))).toMatchObject({ outcome: 'unchanged' });
    expect(await c.command('använd den här kanalen för frågor till samordnare', inChannel(OTHER_CHANNEL))).toMatchObject({ outcome: 'moved' });
    expect((await c.channels.get(TENANT))?.channel.conversationId).toBe(OTHER_CHANNEL);
  });

  it('is kept per tenant: another tenant’s command does not touch it (tenant ids compared without case)', async () => {
    const c = coordinator();
    await c.command('använd den här kanalen för frågor till samordnare', inChannel(EXPERT_CHANNEL));
    await c.command('use this channel for coordinator questions', inChannel('19:other-tenant@thread.tacv2', 'b1c2d3e4-0000-4000-8000-000000000000'));
    expect((await c.channels.get(TENANT.toUpperCase()))?.channel.conversationId).toBe(EXPERT_CHANNEL);
    expect((await c.channels.get('b1c2d3e4-0000-4000-8000-000000000000'))?.channel.conversationId).toBe('19:other-tenant@thread.tacv2');
  });

  it('is removed by “sluta använda den här kanalen” in that channel, not from another channel', async () => {
    const c = coordinator();
    await c.command('använd den här kanalen för frågor till samordnare', inChannel(EXPERT_CHANNEL));
    expect(await c.command('sluta använda den här kanalen för frågor till samordnare', inChannel(OTHER_CHANNEL))).toMatchObject({ outcome: 'notThisChannel' });
    expect(await c.tickets.canAsk(TENANT)).toBe(true);
    const removed = await c.command('sluta använda den här kanalen', inChannel(EXPERT_CHANNEL));
    expect(removed).toMatchObject({ outcome: 'removed', text: 'Klart: den här kanalen tar inte längre emot frågor till samordnare.' });
    expect(await c.tickets.canAsk(TENANT)).toBe(false);
    expect(await c.command('stop using this channel', inChannel(EXPERT_CHANNEL))).toMatchObject({ outcome: 'none', lang: 'en' });
  });

  it('cannot be a personal or group chat: the bot says to write it in a team channel', async () => {
    const c = coordinator();
    const reply = await c.command('använd den här kanalen för frågor till samordnare', { conversation: conversation('a:1personal'), conversationType: 'personal', by: ADMIN });
    expect(reply?.outcome).toBe('channelOnly');
    expect(await c.tickets.canAsk(TENANT)).toBe(false);
  });

  it('leaves other messages to the brain', async () => {
    expect(await coordinator().command('Hur mycket får Mora?', inChannel(EXPERT_CHANNEL))).toBeUndefined();
  });
});
