// "Visa beräkning": how an amount is made up, computed with the allocation core from the facts.
import { Decimal } from 'decimal.js';
import { describeDerivation, formatPercent, formatSek, impliedShare, parseSek, roundTo } from '../allocation/index.js';
import type { AllocationComponent } from '../allocation/types.js';
import { recipientsOfFixedKey } from '../knowledge/checks.js';
import type { AmountFact, KeyFact } from '../knowledge/model.js';
import { fundName, t, type AnswerInput } from './answer-context.js';
import { Provenance, type Claim } from './provenance.js';
import { capitalise } from './format.js';

export interface Derivation {
  lines: string[];
  /** What the lines say about where their figures come from. */
  claims: Claim[];
}

/** Facts never change while the process runs: each one's calculation is worked out once per language. */
const derivations = new WeakMap<AmountFact, Partial<Record<'sv' | 'en', Derivation>>>();

export function derivationFor(input: AnswerInput, fact: AmountFact): Derivation {
  const known = derivations.get(fact)?.[input.lang];
  if (known) return { lines: [...known.lines], claims: [...known.claims] };
  const derivation = computeDerivation(input, fact);
  derivations.set(fact, { ...derivations.get(fact), [input.lang]: derivation });
  return { lines: [...derivation.lines], claims: [...derivation.claims] };
}

function computeDerivation(input: AnswerInput, fact: AmountFact): Derivation {
  const say = new Provenance(input);
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
      lines.push(
        roundTo(exact, 'krona').equals(fact.amount)
          ? t(input, `Avrundat till hela kronor: ${formatSek(fact.amount, 'sv')}`, `Rounded to whole kronor: ${formatSek(fact.amount, 'en')}`)
          : capitalise(say.comparison(fact, fact.components)),
      );
    }
  }
  // A column total the table prints, set against what its rows add up to.
  for (const total of [fact, ...fact.components]) {
    const comparison = say.comparison(total, input.store.columnCells(total));
    if (comparison) lines.push(`${columnName(input, total)}: ${comparison}`);
  }
  const key = input.store.keys({ fund: fact.fund, year: fact.year }).find((entry) => entry.verifyAgainst.includes(fact.place));
  if (key) lines.push(...keyDerivation(input, say, key, fact));
  return { lines, claims: say.claims };
}

/** "Suicidprevention (efter befolkning)": the column a figure is in, in the reader's language. */
function columnName(input: AnswerInput, fact: AmountFact): string {
  const fund = fundName(input, fact.fund);
  if (fact.part === 'base') return `${fund} (${t(input, 'bas', 'base')})`;
  if (fact.part === 'byPopulation') return `${fund} (${t(input, 'efter befolkning', 'by population')})`;
  return fund;
}


/** How a stated key produces (or at least explains) a place's amount. */
export function keyDerivation(input: AnswerInput, say: Provenance, key: KeyFact, fact: AmountFact): string[] {
  const pot = parseSek(key.pot);
  const sv = input.lang === 'sv';
  const fixed = input.store.keys({ year: key.year, place: key.place }).find((entry) => entry.key.type === 'fixed' && entry.recipients === key.recipients);
  const recipients = fixed ? recipientsOfFixedKey(fixed) : undefined;
  const money = (value: Decimal.Value) => formatSek(value, input.lang);
  switch (key.key.type) {
    case 'basePlusProRata': {
      if (!recipients) return [t(input, 'Antalet mottagare står inte i dokumenten, så andelen går inte att räkna ut.', 'The number of recipients is not in the documents, so the share cannot be worked out.')];
      const base = parseSek(key.key.base);
      const share = impliedShare(fact.amount, { type: 'basePlusProRata', base, weight: key.key.weight }, pot, recipients.toNumber());
      const rest = pot.minus(base.times(recipients));
      const components: AllocationComponent[] = [
        { kind: 'base', label: 'base', amount: base, exact: base },
        { kind: 'proRata', label: key.key.weight, amount: fact.amount.minus(base), exact: fact.amount.minus(base) },
      ];
      const inferred = say.shareAndCounties(fact, key, fixed!);
      return [
        describeDerivation({ id: fact.place, amount: fact.amount, exact: fact.amount, components }, input.lang),
        sv
          ? `${money(pot)} = ${recipients.toFixed()} län × ${money(base)} + ${money(rest)} efter befolkning; ${money(fact.amount.minus(base))} är ${formatPercent(share, 'sv', 4)} av ${money(rest)} ${inferred}`
          : `${money(pot)} = ${recipients.toFixed()} counties × ${money(base)} + ${money(rest)} by population; ${money(fact.amount.minus(base))} is ${formatPercent(share, 'en', 4)} of ${money(rest)} ${inferred}`,
      ];
    }
    case 'fixed': {
      const exceptions = key.key.exceptions.map((e) => `${e.description}: ${money(parseSek(e.amount))}`).join('; ');
      const inferred = say.counties(key);
      return [
        sv
          ? `${money(parseSek(key.key.amount))} per län${exceptions ? ` (${exceptions})` : ''}; ${money(pot)} räcker till ${recipients?.toFixed() ?? '?'} län ${inferred}`
          : `${money(parseSek(key.key.amount))} per county${exceptions ? ` (${exceptions})` : ''}; ${money(pot)} covers ${recipients?.toFixed() ?? '?'} counties ${inferred}`,
      ];
    }
    case 'proRata': {
      const share = fact.amount.dividedBy(pot);
      const weight = key.key.weight === 'population0to25' ? t(input, 'andel av befolkningen 0–25 år', 'share of the population aged 0–25') : t(input, 'befolkningsandel', 'population share');
      const inferred = say.share(fact, key, weight);
      return [`${money(fact.amount)} = ${formatPercent(share, input.lang, 4)} ${t(input, 'av', 'of')} ${money(pot)} ${inferred}`];
    }
    case 'notStated':
      return [say.noKey(key, money(pot))];
  }
}
