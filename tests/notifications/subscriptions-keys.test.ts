// Subscriptions are listed by a key prefix per conversation, so the conversation id's part of the key
// must never be a prefix of another's: with raw ids, 'a:1' listed (and on removal deleted) the
// subscriptions of 'a:1/b'. Ids as Teams issues them keep the keys they always had.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Subscriptions } from '../../src/notifications/subscriptions.js';
import { conversationSegment } from '../../src/platform/keys.js';
import { FileDocumentStore, MemoryDocumentStore, type DocumentStore } from '../../src/platform/file-store.js';

const temporaryDirs: string[] = [];
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});
const stores: [string, () => DocumentStore][] = [
  ['memory', () => new MemoryDocumentStore()],
  [
    'files',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'subscriptions-keys-'));
      temporaryDirs.push(dir);
      return new FileDocumentStore(dir);
    },
  ],
];

const now = new Date('2026-11-22T08:00:00Z');
const long = 'a:1' + 'x'.repeat(997);
const TEAMS_IDS = ['a:1XyZ-_AbC09', '19:abc@thread.tacv2', '19:abc@thread.tacv2;messageid=123', '29:1a-B_c@unq.gbl.spaces', '19:meeting_ODd@thread.v2'];
const ODD_IDS = [
  long,
  `${long}y`,
  `${long}/y`,
  'a:1',
  'a:1/b',
  'a:1/b/c',
  'a:1/',
  '/a:1',
  '100%',
  '%2F',
  '..',
  '../a:1',
  'Åsa 😀 ö',
  '#a:1',
  // An id that is the hashed part of another id is an id like any other.
  conversationSegment('a:1/b'),
];
const IDS = [...TEAMS_IDS, ...ODD_IDS];

describe.each(stores)('subscriptions of conversations with odd ids (%s)', (_, open) => {
  async function populated() {
    const subscriptions = new Subscriptions(open());
    for (const [i, id] of IDS.entries()) {
      await subscriptions.saveConversation({ conversationId: id, reference: { conversation: { id } }, savedAt: now.toISOString() });
      await subscriptions.subscribe(id, 'skane', now);
      if (i % 2 === 0) await subscriptions.subscribe(id, 'dalarna', now);
    }
    return subscriptions;
  }
  const regionsOf = (i: number) => (i % 2 === 0 ? ['dalarna', 'skane'] : ['skane']);

  it('each conversation lists only its own subscriptions and finds its own record', async () => {
    const subscriptions = await populated();
    for (const [i, id] of IDS.entries()) {
      const own = await subscriptions.forConversation(id);
      expect(own.map((s) => s.conversationId), id).toEqual(own.map(() => id));
      expect(own.map((s) => s.region).sort(), id).toEqual(regionsOf(i));
      expect((await subscriptions.conversation(id))?.conversationId, id).toBe(id);
    }
    const active = await subscriptions.active();
    expect(active).toHaveLength(IDS.reduce((sum, _, i) => sum + regionsOf(i).length, 0));
    expect(new Set(active.map((s) => s.conversationId))).toEqual(new Set(IDS));
  });

  it("removing one conversation leaves every other conversation's subscriptions and record", async () => {
    const subscriptions = await populated();
    for (const removed of ['a:1', `${long}`, '..']) {
      await subscriptions.removeConversation(removed);
      expect(await subscriptions.forConversation(removed)).toEqual([]);
      expect(await subscriptions.conversation(removed)).toBeUndefined();
    }
    for (const [i, id] of IDS.entries()) {
      if (['a:1', long, '..'].includes(id)) continue;
      expect((await subscriptions.forConversation(id)).map((s) => s.region).sort(), id).toEqual(regionsOf(i));
      expect(await subscriptions.conversation(id), id).toBeDefined();
    }
  });

  it("deactivating one conversation (Teams answered 403) stops only that conversation's reminders", async () => {
    const subscriptions = await populated();
    await subscriptions.deactivate('a:1', 'Teams answered 403');
    const stillActive = new Set((await subscriptions.active()).map((s) => s.conversationId));
    expect(stillActive).toEqual(new Set(IDS.filter((id) => id !== 'a:1')));
  });

  it('subscriptions stored with the keys used before (Teams ids) are still found, active and removable', async () => {
    const store = open();
    for (const id of TEAMS_IDS) {
      await store.put(`conversations/${id}`, { conversationId: id, reference: {}, savedAt: now.toISOString() });
      await store.put(`subscriptions/${id}/skane`, { conversationId: id, region: 'skane', createdAt: now.toISOString(), active: true });
    }
    const subscriptions = new Subscriptions(store);
    expect((await subscriptions.active()).map((s) => s.conversationId).sort()).toEqual([...TEAMS_IDS].sort());
    for (const id of TEAMS_IDS) {
      expect(await subscriptions.isActive(id, 'skane')).toBe(true);
      expect(await subscriptions.subscribe(id, 'skane', now)).toBe('exists');
      expect((await subscriptions.conversation(id))?.conversationId).toBe(id);
      expect(await subscriptions.unsubscribe(id, 'skane')).toBe(true);
    }
    expect(await store.list('subscriptions/')).toEqual([]);
  });
});

describe('the conversation part of a key', () => {
  it.each(TEAMS_IDS)('a Teams id keeps its key: %s', (id) => {
    expect(conversationSegment(id)).toBe(id);
  });

  it.each([
    ['an id with /', 'a:1/b'],
    ['an id with the hash marker', '#a:1'],
    ['an id over 256 bytes', 'x'.repeat(257)],
    ['an id over 256 bytes in UTF-8', 'ö'.repeat(129)],
  ])('%s is hashed', (_, id) => {
    expect(conversationSegment(id)).toMatch(/^#[0-9a-f]{64}$/);
  });

  it('no two ids share a part, and no part contains a /', () => {
    // Ids that differ only in a lone surrogate (the same once encoded as UTF-8) differ once hashed too.
    const parts = [...IDS, 'a/\uD800', 'a/\uD801'].map(conversationSegment);
    expect(new Set(parts).size).toBe(parts.length);
    for (const part of parts) expect(part).not.toContain('/');
  });
});
