// "Hur fördelas samsjuklighetsmedlen 2020?", "hur räknades Moras belopp ut?": keys and derivations.
import { parseSek } from '../../allocation/index.js';
import { displayAmount } from '../format.js';
import { fundName, t, type AnswerInput } from '../answer-context.js';
import { keyDerivation } from '../derivation.js';
import { Provenance } from '../provenance.js';
import { emptyReply, type Reply } from '../reply.js';
import { sourceLine, sourcesOfClaims } from '../sources.js';
import { answerAmount } from './amount.js';
import { notFound } from './unknown.js';
import type { KeyFact } from '../../knowledge/model.js';

export function answerKey(input: AnswerInput): Reply {
  const { u, store } = input;
  const filter = { ...(u.fund ? { fund: u.fund } : {}), ...(u.year ? { year: u.year } : {}) };
  // "Hur fördelas samsjuklighetsmedlen nationellt?": the place is the pot's own, and its key the answer.
  const ofPot = u.place ? store.keys(filter).filter((key) => key.place === u.place) : [];
  // About a place's own amount: show that amount with its calculation first.
  if (ofPot.length === 0 && (u.places.length > 0 || (u.place && !u.fund))) {
    // "hur räknades Dalarnas samsjuklighetsbelopp ut?": the year a stated key explains, when none is given.
    const keyYear = u.year ?? (u.fund && u.place ? store.keys({ fund: u.fund }).find((key) => key.verifyAgainst.includes(u.place!))?.year : undefined);
    const amount = answerAmount(keyYear ? { ...input, u: { ...u, year: keyYear } } : input);
    if (amount.kind !== 'amount') return amount;
    const say = new Provenance(input);
    say.add(amount.provenance);
    const reply = { ...amount, kind: 'key' as const };
    reply.title = t(input, `Beräkning: ${amount.title}`, `Calculation: ${amount.title}`);
    const table = store.knowledge.tables.find((tbl) => tbl.checks.some((check) => check.kind === 'basePlusShare') && amount.sources.some((s) => s.file === tbl.document.file));
    const model = table?.checks.find((check) => check.kind === 'basePlusShare');
    const stated = keyYear && u.fund && u.place ? store.keys({ fund: u.fund, year: keyYear }).filter((key) => key.verifyAgainst.includes(u.place!)) : [];
    if (stated.length > 0) reply.derivation = [...stated.map((key) => t(input, `Fördelningsnyckel: ${describeKey(input, say, key)}`, `Distribution key: ${describeKey(input, say, key)}`)), ...reply.derivation];
    if (table && model?.kind === 'basePlusShare') reply.derivation = [...reply.derivation, say.model(table, model.statedIn.quote)];
    if (!reply.derivation.some((line) => /nyckel|key|befolkning|population/i.test(line)) && reply.derivation.length > 0) {
      reply.notes = [...reply.notes, t(input, 'Ingen fördelningsnyckel för detta belopp finns i dokumenten; beräkningen visar hur det är sammansatt.', 'No distribution key for this amount is in the documents; the calculation shows how it is made up.')];
    }
    reply.provenance = say.claims;
    reply.sources = sourcesOfClaims(store, say.claims);
    const calculation = reply.derivation.length > 0 ? ` ${t(input, 'Beräkning', 'Calculation')}: ${reply.derivation.join('; ')}.` : '';
    reply.text = `${amount.text.split(/ (Källa|Source): /)[0]}${calculation} ${sourceLine(reply.sources, input.lang)}.`;
    return reply;
  }
  const keys = ofPot.length > 0 ? ofPot : store.keys(filter);
  if (keys.length === 0) {
    const reply = notFound(input, 'någon fördelningsnyckel för det', 'a distribution key for that');
    reply.known = [...new Set(store.keys().map((key) => `${fundName(input, key.fund)} ${key.year}`))];
    return reply;
  }
  const say = new Provenance(input);
  const reply = emptyReply('key', input.lang, keys.length === 1 ? t(input, `Fördelning: ${fundName(input, keys[0]!.fund)} ${keys[0]!.year}`, `Distribution: ${fundName(input, keys[0]!.fund)} ${keys[0]!.year}`) : t(input, 'Fördelningsnycklar', 'Distribution keys'), '');
  const described = keys.map((key) => ({ key, pot: displayAmount(parseSek(key.pot), key.pot, input.lang), how: describeKey(input, say, key) }));
  reply.rows = described.map(({ key, pot, how }) => ({ label: `${fundName(input, key.fund)} ${key.year} (${pot})`, value: how }));
  reply.text = described.map(({ key, pot, how }) => `${fundName(input, key.fund)} ${key.year}: ${pot}, ${how}`).join('. ') + '.';
  for (const key of keys) {
    for (const place of key.verifyAgainst) {
      const fact = store.amounts({ place, fund: key.fund, year: key.year }).find((f) => f.status === 'stated');
      if (!fact) continue;
      // Only the first line is shown: the claims of the others are left out with them.
      const scratch = new Provenance(input);
      const [first = ''] = keyDerivation(input, scratch, key, fact);
      scratch.marked(fact);
      say.add(scratch.claims.filter((claim) => first.includes(claim.words)));
      reply.derivation.push(`${store.place(place)?.name ?? place}: ${first}`);
    }
  }
  reply.provenance = say.claims;
  reply.sources = sourcesOfClaims(store, say.claims);
  if (input.lang === 'en') reply.notes.push('The key is quoted in Swedish, as the document writes it.');
  reply.text += ` ${reply.notes.join(' ')} ${sourceLine(reply.sources, input.lang)}.`.replace(/^ +/, ' ');
  return reply;
}

function describeKey(input: AnswerInput, say: Provenance, key: KeyFact): string {
  const k = key.key;
  if (k.type === 'notStated') return say.keyQuote(key);
  // The key in the bot's words, then the document's sentence: in English marked as its Swedish words.
  return `${keyInWords(input, k)}${t(input, ' ', ', quoted in Swedish ')}${say.keyQuote(key)}`;
}

function keyInWords(input: AnswerInput, k: Exclude<KeyFact['key'], { type: 'notStated' }>): string {
  const money = (text: string) => displayAmount(parseSek(text), text, input.lang);
  switch (k.type) {
    case 'basePlusProRata':
      return t(input, `${money(k.base)} per län och resten efter befolkningsmängd`, `${money(k.base)} per county and the rest by population`);
    case 'proRata':
      return k.weight === 'population0to25'
        ? t(input, 'efter andel av befolkningen som är 0–25 år', "by each county's share of the population aged 0–25")
        : t(input, 'efter befolkningsmängd', 'by population');
    case 'fixed':
      return t(
        input,
        `${money(k.amount)} per län${k.exceptions.map((e) => `, ${e.description} ${money(e.amount)}`).join('')}`,
        `${money(k.amount)} per county${k.exceptions.map((e) => `, ${e.count} exceptions at ${money(e.amount)}`).join('')}`,
      );
  }
}
