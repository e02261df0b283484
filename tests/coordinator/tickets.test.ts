// A question the documents cannot answer, asked of the coordinators: the ticket is posted once to the
// expert channel, the asker is told, an expert takes it and answers, and the answer reaches the asker
// once. A second answer is refused and the first kept, also when two instances race.
import { describe, expect, it } from 'vitest';
import { Coordinator } from '../../src/coordinator/coordinator.js';
import { FileDocumentStore, MemoryDocumentStore, type DocumentStore } from '../../src/platform/file-store.js';
import { useTemporaryDirs } from '../support/temporary-dirs.js';
import { ADMIN, ASKER_CHAT, askInput, cardOf, conversation, EXPERT, EXPERT_CHANNEL, MovingClock, OTHER_CHANNEL, RecordingTeams, SECOND_EXPERT, TENANT, textsOf, typesOf, IN_CHANNEL, classify } from './helpers.js';

const temporaryDir = useTemporaryDirs('coordinator-tickets');

interface Setup {
  teams: RecordingTeams;
  clock: MovingClock;
  /** One coordinator per instance; all share the backing storage and Teams. */
  instances: Coordinator[];
  stores: DocumentStore[];
}

async function setup(stores: DocumentStore[] = [new MemoryDocumentStore()], channelCommand = 'använd den här kanalen för frågor till samordnare'): Promise<Setup> {
  const teams = new RecordingTeams();
  const clock = new MovingClock(new Date('2026-12-03T08:15:00Z'));
  const instances = stores.map((store, i) => new Coordinator({ store, sender: teams, now: clock.now, instanceId: `instance-${i + 1}`, takeoverMs: 60_000, retentionDays: 90, classify }));
  await instances[0]!.command(channelCommand, { conversation: conversation(EXPERT_CHANNEL), conversationType: 'channel', by: ADMIN });
  return { teams, clock, instances, stores };
}


describe('asking a coordinator', () => {
  it('posts the ticket card to the expert channel and gives the asker a confirmation card', async () => {
    const { teams, instances } = await setup();
    const asked = await instances[0]!.tickets.ask(askInput());
    expect(asked.outcome).toBe('posted');
    const posts = teams.to(EXPERT_CHANNEL);
    expect(posts).toHaveLength(1);
    const ticket = cardOf(posts[0]!.activity);
    const texts = textsOf(ticket);
    expect(texts).toContain('Hur mycket får Uppsala?');
    expect(texts).toContain('Från Karin Berg, 3 december 2026 kl. 09:15');
    expect(texts).toContain('Jag hittar inte Uppsala i dokumenten.');
    expect(texts).toContain('Dokumenten innehåller inte svaret.');
    expect(texts).toContain('Jag tar den');
    expect(texts).toContain('Skicka svar');
    expect(typesOf(ticket)).toContain('Input.Text');
    if (asked.outcome !== 'posted') return;
    expect(asked.ticket.post).toMatchObject({ state: 'posted', activityId: 'activity-1' });
    expect(textsOf(asked.card)[1]).toMatch(/^Din fråga har skickats till samordnarna/);
    expect(textsOf(asked.card)).toContain('Hur mycket får Uppsala?');
  });

  it('is not possible without an expert channel', async () => {
    const teams = new RecordingTeams();
    const coordinator = new Coordinator({ store: new MemoryDocumentStore(), sender: teams, now: () => new Date(), instanceId: 'x', retentionDays: 90, classify });
    expect(await coordinator.tickets.ask(askInput())).toEqual({ outcome: 'noChannel', notice: { title: 'Frågan kunde inte skickas', text: 'Det finns ingen kanal för frågor till samordnare ännu.' } });
    expect(teams.sent).toHaveLength(0);
  });

  it('pressed twice on the same answer makes one ticket and one post', async () => {
    const { teams, instances } = await setup();
    const first = await instances[0]!.tickets.ask(askInput());
    const second = await instances[0]!.tickets.ask(askInput());
    expect(second.outcome).toBe('alreadyAsked');
    if (first.outcome === 'posted' && second.outcome === 'alreadyAsked') expect(second.ticket.id).toBe(first.ticket.id);
    expect(teams.to(EXPERT_CHANNEL)).toHaveLength(1);
    // Another answer card is another question: its own ticket.
    expect((await instances[0]!.tickets.ask(askInput({ requestId: 'answer-card-2' }))).outcome).toBe('posted');
    expect(teams.to(EXPERT_CHANNEL)).toHaveLength(2);
  });

  it('a channel that cannot be reached: the post is recorded as failed and pressing again posts it', async () => {
    const { teams, instances } = await setup();
    teams.failures.set(EXPERT_CHANNEL, 1);
    const failed = await instances[0]!.tickets.ask(askInput());
    expect(failed).toMatchObject({ outcome: 'failed', reason: 'Teams answered 502', notice: { text: 'Frågan kunde inte skickas till samordnarna just nu. Försök igen om en stund.' } });
    expect((await instances[0]!.tickets.ask(askInput())).outcome).toBe('posted');
    expect(teams.to(EXPERT_CHANNEL)).toHaveLength(1);
  });

  it('an instance that stopped while posting: another posts it once the claim is older than the takeover age', async () => {
    const { teams, clock, instances, stores } = await setup();
    const stalled = new Coordinator({ store: stores[0]!, sender: { send: () => new Promise<string>(() => undefined) }, now: clock.now, instanceId: 'stalled', takeoverMs: 60_000, retentionDays: 90, classify });
    void stalled.tickets.ask(askInput());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await instances[0]!.tickets.ask(askInput())).outcome).toBe('inProgress');
    clock.advance(61_000);
    expect((await instances[0]!.tickets.ask(askInput())).outcome).toBe('posted');
    expect(teams.to(EXPERT_CHANNEL)).toHaveLength(1);
  });

  it('in English: the English channel gets an English ticket, the English asker an English confirmation', async () => {
    const { teams, instances } = await setup(undefined, 'use this channel for coordinator questions');
    const asked = await instances[0]!.tickets.ask(askInput({ lang: 'en', question: 'How much does Uppsala get?', reason: 'thumbsDown', comment: 'Uppsala is missing' }));
    const texts = textsOf(cardOf(teams.to(EXPERT_CHANNEL)[0]!.activity));
    expect(texts).toEqual(expect.arrayContaining(["I'll take it", 'Send answer', 'From Karin Berg, 3 December 2026 at 09:15', 'The person who asked found the answer unhelpful: “Uppsala is missing”']));
    if (asked.outcome === 'posted') expect(textsOf(asked.card)).toContain('Your question has been sent to the coordinators. You will get the answer here in this chat when one of them has answered.');
  });
});

describe('taking and answering a ticket', () => {
  it('“Jag tar den” shows who took it; a second expert is told', async () => {
    const { instances } = await setup();
    const asked = await instances[0]!.tickets.ask(askInput());
    if (asked.outcome !== 'posted') throw new Error(asked.outcome);
    const taken = await instances[0]!.tickets.take(asked.ticket.id, EXPERT, IN_CHANNEL);
    expect(taken.outcome).toBe('taken');
    if (taken.outcome === 'unknownTicket') return;
    expect(textsOf(taken.card)).toContain('Tagen av Anna Lind (3 december 2026 kl. 09:15)');
    expect(textsOf(taken.card)).not.toContain('Jag tar den');
    expect(textsOf(taken.card)).toContain('Skicka svar');
    const again = await instances[0]!.tickets.take(asked.ticket.id, SECOND_EXPERT, IN_CHANNEL);
    expect(again.outcome).toBe('alreadyTaken');
    if (again.outcome !== 'alreadyTaken') return;
    // Told to the one who pressed; the card everyone sees is unchanged.
    expect(textsOf(again.cardForPresser)).toContain('Anna Lind har redan tagit frågan.');
    expect(again.card).toEqual(taken.card);
  });

  it('“Skicka svar” delivers the text to the asker’s chat as an answer from the named coordinator, and the ticket shows “Besvarad av …” without inputs', async () => {
    const { teams, clock, instances } = await setup();
    const asked = await instances[0]!.tickets.ask(askInput());
    if (asked.outcome !== 'posted') throw new Error(asked.outcome);
    clock.advance(30 * 60_000);
    const answered = await instances[0]!.tickets.answer(asked.ticket.id, '  Uppsala ingår inte i överenskommelserna vi har; fråga Region Uppsala.  ', EXPERT, IN_CHANNEL);
    expect(answered).toMatchObject({ outcome: 'answered', delivered: true });
    if (answered.outcome !== 'answered') return;
    const delivered = teams.to(ASKER_CHAT);
    expect(delivered).toHaveLength(1);
    const answerTexts = textsOf(cardOf(delivered[0]!.activity));
    expect(answerTexts).toEqual([
      'Svar från Anna Lind',
      'Det här svaret kommer från samordnaren Anna Lind (3 december 2026 kl. 09:45), inte från dokumenten.',
      'Uppsala ingår inte i överenskommelserna vi har; fråga Region Uppsala.',
      'Din fråga',
      'Hur mycket får Uppsala?',
    ]);
    const ticketTexts = textsOf(answered.card);
    expect(ticketTexts).toContain('Besvarad av Anna Lind (3 december 2026 kl. 09:45)');
    expect(typesOf(answered.card)).not.toContain('Input.Text');
    expect(typesOf(answered.card)).not.toContain('Action.Execute');
    expect(answered.ticket.answer?.delivery).toMatchObject({ state: 'sent', activityId: 'activity-2' });
  });

  it('a second answer is refused, the first kept, and the second expert told', async () => {
    const { teams, instances } = await setup();
    const asked = await instances[0]!.tickets.ask(askInput());
    if (asked.outcome !== 'posted') throw new Error(asked.outcome);
    await instances[0]!.tickets.answer(asked.ticket.id, 'Första svaret', EXPERT, IN_CHANNEL);
    const second = await instances[0]!.tickets.answer(asked.ticket.id, 'Andra svaret', SECOND_EXPERT, IN_CHANNEL);
    expect(second.outcome).toBe('alreadyAnswered');
    if (second.outcome !== 'alreadyAnswered') return;
    expect(textsOf(second.cardForPresser)).toContain('Frågan var redan besvarad av Anna Lind (3 december 2026 kl. 09:15). Ditt svar skickades inte; det första svaret gäller.');
    expect(textsOf(second.card)).not.toContain('Frågan var redan besvarad av Anna Lind (3 december 2026 kl. 09:15). Ditt svar skickades inte; det första svaret gäller.');
    expect(textsOf(second.card)).toContain('Första svaret');
    expect(second.ticket.answer).toMatchObject({ text: 'Första svaret', by: EXPERT });
    expect(teams.to(ASKER_CHAT).map((sent) => textsOf(cardOf(sent.activity))[2])).toEqual(['Första svaret']);
  });

  it('an empty answer is not sent', async () => {
    const { teams, instances } = await setup();
    const asked = await instances[0]!.tickets.ask(askInput());
    if (asked.outcome !== 'posted') throw new Error(asked.outcome);
    expect((await instances[0]!.tickets.answer(asked.ticket.id, '   ', EXPERT, IN_CHANNEL)).outcome).toBe('empty');
    expect(teams.to(ASKER_CHAT)).toHaveLength(0);
    expect((await instances[0]!.tickets.get(asked.ticket.id))?.answer).toBeUndefined();
  });

  it('an answer that could not be delivered is kept and delivered at the next press, still the first answer', async () => {
    const { teams, instances } = await setup();
    const asked = await instances[0]!.tickets.ask(askInput());
    if (asked.outcome !== 'posted') throw new Error(asked.outcome);
    teams.failures.set(ASKER_CHAT, 1);
    const answered = await instances[0]!.tickets.answer(asked.ticket.id, 'Första svaret', EXPERT, IN_CHANNEL);
    expect(answered).toMatchObject({ outcome: 'answered', delivered: false });
    if (answered.outcome === 'answered') expect(textsOf(answered.cardForPresser)).toContain('Svaret är sparat men kunde inte levereras till frågeställaren än.');
    expect(teams.to(ASKER_CHAT)).toHaveLength(0);
    const again = await instances[0]!.tickets.answer(asked.ticket.id, 'Ett annat svar', SECOND_EXPERT, IN_CHANNEL);
    expect(again.outcome).toBe('alreadyAnswered');
    expect(teams.to(ASKER_CHAT).map((sent) => textsOf(cardOf(sent.activity))[2])).toEqual(['Första svaret']);
    expect((await instances[0]!.tickets.get(asked.ticket.id))?.answer?.delivery.state).toBe('sent');
  });

  it('a ticket card copied to another channel cannot take or answer it', async () => {
    const { teams, instances } = await setup();
    const asked = await instances[0]!.tickets.ask(askInput());
    if (asked.outcome !== 'posted') throw new Error(asked.outcome);
    const elsewhere = { conversationId: `${OTHER_CHANNEL};messageid=1` };
    expect(await instances[0]!.tickets.take(asked.ticket.id, EXPERT, elsewhere)).toEqual({ outcome: 'unknownTicket' });
    expect(await instances[0]!.tickets.answer(asked.ticket.id, 'svar', EXPERT, elsewhere)).toEqual({ outcome: 'unknownTicket' });
    expect(teams.to(ASKER_CHAT)).toHaveLength(0);
  });

  it('a ticket posted before the channel moved is still answered from the channel it is in', async () => {
    const { teams, instances } = await setup();
    const asked = await instances[0]!.tickets.ask(askInput());
    if (asked.outcome !== 'posted') throw new Error(asked.outcome);
    await instances[0]!.command('använd den här kanalen för frågor till samordnare', { conversation: conversation(OTHER_CHANNEL), conversationType: 'channel', by: ADMIN });
    expect((await instances[0]!.tickets.answer(asked.ticket.id, 'Svaret', EXPERT, IN_CHANNEL)).outcome).toBe('answered');
    expect(teams.to(ASKER_CHAT)).toHaveLength(1);
  });

  it('an unknown ticket id is said to be unknown', async () => {
    const { instances } = await setup();
    expect(await instances[0]!.tickets.answer('0'.repeat(32), 'svar', EXPERT, IN_CHANNEL)).toEqual({ outcome: 'unknownTicket' });
    expect(await instances[0]!.tickets.take('0'.repeat(32), EXPERT, IN_CHANNEL)).toEqual({ outcome: 'unknownTicket' });
  });
});

describe('two instances on the same storage', () => {
  const backings: [string, () => DocumentStore[]][] = [
    ['two coordinators on one memory store', () => {
      const shared = new MemoryDocumentStore();
      return [shared, shared];
    }],
    // The embedded store is for one process (README): its conditions hold within one store object, so
    // instances share it. Separate processes use Azure Blob Storage (azurite.test.ts).
    ['two coordinators on one file store', () => {
      const shared = new FileDocumentStore(temporaryDir());
      return [shared, shared];
    }],
  ];

  it.each(backings)('%s: the same press on both creates one ticket and one post; two answers at once deliver one', async (_name, stores) => {
    const { teams, instances } = await setup(stores());
    teams.delayMs = 5;
    for (let round = 1; round <= 10; round++) {
      const input = askInput({ requestId: `answer-card-${round}` });
      const asked = await Promise.all(instances.map((instance) => instance.tickets.ask(input)));
      expect(asked.filter((outcome) => outcome.outcome === 'posted')).toHaveLength(1);
      const id = (asked.find((outcome) => outcome.outcome === 'posted') as { ticket: { id: string } }).ticket.id;
      const answers = await Promise.all([instances[0]!.tickets.answer(id, `Svar A ${round}`, EXPERT, IN_CHANNEL), instances[1]!.tickets.answer(id, `Svar B ${round}`, SECOND_EXPERT, IN_CHANNEL)]);
      expect(answers.map((answer) => answer.outcome).sort()).toEqual(['alreadyAnswered', 'answered']);
      const kept = (await instances[1]!.tickets.get(id))?.answer?.text;
      expect(teams.to(ASKER_CHAT).slice(-1).map((sent) => textsOf(cardOf(sent.activity))[2])).toEqual([kept]);
    }
    expect(teams.to(EXPERT_CHANNEL)).toHaveLength(10);
    expect(teams.to(ASKER_CHAT)).toHaveLength(10);
  });
});
