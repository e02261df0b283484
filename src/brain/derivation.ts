// "Visa beräkning": how an amount is made up, computed with the allocation core from the facts.
import { Decimal } from 'decimal.js';
import { describeDerivation, formatPercent, formatSek, impliedShare, parseSek, roundTo } from '../allocation/index.js';
import type { AllocationComponent } from '../allocation/types.js';
import { recipientsOfFixedKey } from '../knowledge/checks.js';
import type { AmountFact, KeyFact } from '../knowledge/model.js';
import { fundName, t, type AnswerInput } from './answer-context.js';

/** Facts never change while the process runs: each one's calculation is worked out once per language. */
const derivations = new WeakMap<AmountFact, Partial<Record<'sv' | 'en', string[]>>>();

export function derivationFor(input: AnswerInput, fact: AmountFact): string[] {
  const known = derivations.get(fact)?.[input.lang];
  if (known) return [...known];
  const lines = computeDerivation(input, fact);
  derivations.set(fact, { ...derivations.get(fact), [input.lang]: lines });
  return [...lines];
}

function computeDerivation(input: AnswerInput, fact: AmountFact): string[] {
  const lines: string[] = [];
  const parts = fact.components.filter((component) => component.part);
  if (parts.length > 0) {
    const byFund = new Map<string, AmountFact[]>();
    for (const part of parts) byFund.set(part.fund, [...(byFund.get(part.fund) ?? []), part]);
    for (const [fund, group] of byFund) {
      const components: AllocationComponent[] = group.map((part) => ({
        kind: part.part === 'base' ? 'base' : 'proRata',
        label: part.part === 'base' ? 'base' : 'population',
        amount: part.amount,
        exact: part.amount,
      }));
      const sum = group.reduce((acc, part) => acc.plus(part.amount), new Decimal(0));
      lines.push(`${fundName(input, fund)}: ${describeDerivation({ id: fund, amount: sum, exact: sum, components }, input.lang)}`);
    }
  }
  if (fact.components.length > 1) {
    const exact = fact.components.reduce((acc, component) => acc.plus(component.amount), new Decimal(0));
    lines.push(`${fact.components.map((component) => formatSek(component.amount, input.lang)).join(' + ')} = ${formatSek(exact, input.lang)}`);
    if (!exact.equals(fact.amount)) {
      const rounded = roundTo(exact, 'krona');
      lines.push(
        rounded.equals(fact.amount)
          ? t(input, `Avrundat till hela kronor: ${formatSek(fact.amount, 'sv')}`, `Rounded to whole kronor: ${formatSek(fact.amount, 'en')}`)
          : t(
              input,
              `Dokumentet anger ${formatSek(fact.amount, 'sv')}; skillnaden ${formatSek(fact.amount.minus(exact), 'sv')} är avrundning i tabellen`,
              `The document prints ${formatSek(fact.amount, 'en')}; the difference of ${formatSek(fact.amount.minus(exact), 'en')} is the table's rounding`,
            ),
      );
    }
  }
  const key = input.store.keys({ fund: fact.fund, year: fact.year }).find((entry) => entry.verifyAgainst.includes(fact.place));
  if (key) lines.push(...keyDerivation(input, key, fact));
  return lines;
}

/** How a stated key produces (or at least explains) a place's amount. */
export function keyDerivation(input: AnswerInput, key: KeyFact, fact: AmountFact): string[] {
  const pot = parseSek(key.pot);
  const sv = input.lang === 'sv';
  const fixed = input.store.keys({ year: key.year, place: key.place }).find((entry) => entry.key.type === 'fixed' && entry.recipients === key.recipients);
  const recipients = fixed ? recipientsOfFixedKey(fixed) : undefined;
  const money = (value: Decimal.Value) => formatSek(value, input.lang);
  switch (key.key.type) {
    case 'basePlusProRata': {
      if (!recipients) return [t(input, 'Antalet mottagare står inte i dokumenten, så andelen kan inte härledas.', 'The number of recipients is not in the documents, so the share cannot be derived.')];
      const base = parseSek(key.key.base);
      const share = impliedShare(fact.amount, { type: 'basePlusProRata', base, weight: key.key.weight }, pot, recipients.toNumber());
      const rest = pot.minus(base.times(recipients));
      const components: AllocationComponent[] = [
        { kind: 'base', label: 'base', amount: base, exact: base },
        { kind: 'proRata', label: key.key.weight, amount: fact.amount.minus(base), exact: fact.amount.minus(base) },
      ];
      return [
        describeDerivation({ id: fact.place, amount: fact.amount, exact: fact.amount, components }, input.lang),
        sv
          ? `${money(pot)} = ${recipients.toFixed()} län × ${money(base)} + ${money(rest)} efter befolkning; ${money(fact.amount.minus(base))} är ${formatPercent(share, 'sv', 4)} av ${money(rest)} (andelen är härledd ur beloppet; antalet län är härlett ur brukarmedverkansnyckeln)`
          : `${money(pot)} = ${recipients.toFixed()} counties × ${money(base)} + ${money(rest)} by population; ${money(fact.amount.minus(base))} is ${formatPercent(share, 'en', 4)} of ${money(rest)} (the share is derived from the amount; the number of counties from the user-participation key)`,
      ];
    }
    case 'fixed': {
      const exceptions = key.key.exceptions.map((e) => `${e.description}: ${money(parseSek(e.amount))}`).join('; ');
      return [
        sv
          ? `${money(parseSek(key.key.amount))} per län${exceptions ? ` (${exceptions})` : ''}; ${money(pot)} räcker till ${recipients?.toFixed() ?? '?'} län`
          : `${money(parseSek(key.key.amount))} per county${exceptions ? ` (${exceptions})` : ''}; ${money(pot)} covers ${recipients?.toFixed() ?? '?'} counties`,
      ];
    }
    case 'proRata': {
      const share = fact.amount.dividedBy(pot);
      const weight = key.key.weight === 'population0to25' ? t(input, 'andel av befolkningen 0–25 år', 'share of the population aged 0–25') : t(input, 'befolkningsandel', 'population share');
      return [t(input, `${money(fact.amount)} = ${formatPercent(share, 'sv', 4)} av ${money(pot)} (${weight}, härledd ur beloppet)`, `${money(fact.amount)} = ${formatPercent(share, 'en', 4)} of ${money(pot)} (${weight}, derived from the amount)`)];
    }
    case 'notStated':
      return [t(input, `Dokumentet anger ingen fördelningsnyckel för de ${money(pot)} som fördelas till länen.`, `The document states no distribution key for the ${money(pot)} shared among the counties.`)];
  }
}
