// Where a figure comes from, in words. This is the only code that writes "dokumentet anger" / "the
// document states", "rekonstruerat" / "reconstructed" and "beräknat" / "derived": every phrase is made
// from the status and value of the facts it is about, and is recorded as a Claim naming those facts,
// so that the tests can hold each one to the store.
import { Decimal } from 'decimal.js';
import type { AmountFact, KeyFact, TableFact } from '../knowledge/model.js';
import type { Status } from '../knowledge/schema.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import { cleanQuote } from '../text/normalize.js';
import { differenceOf, formatPercent, shareOf } from '../allocation/index.js';
import { displayAmount, money, type Lang } from './format.js';

export interface Claim {
  /** What the words say: printed in the document, reconstructed from an illegible cell, or computed by the bot. */
  status: Status;
  /**
   * The store ids the words are about (amounts, keys, tables). Stated or reconstructed: the facts
   * themselves; derived: the facts the figure is computed from.
   */
  facts: string[];
  /** The exact figure the words give, when they give one (for a derived figure: the sum of `facts`). */
  value?: string;
  /** A derived figure that is itself a fact of the store (a fund's base plus share). */
  derivedFact?: string;
  /** A difference: the value is the sum of `facts` minus the sum of these. */
  minus?: string[];
  /** A share: the value is the sum of `facts` divided by the sum of these (a fraction, 0.307). */
  of?: string[];
  /** The words, exactly as the reply shows them. */
  words: string;
}

/** The words a reply speaks about its figures' provenance, and the claims behind them. */
export class Provenance {
  readonly claims: Claim[] = [];

  constructor(private readonly input: { lang: Lang; store: KnowledgeStore }) {}

  add(claims: readonly Claim[]): void {
    this.claims.push(...claims);
  }

  /** "593 461 kr", "42 451 kr (rekonstruerat, tryckt som ”22451”)", "2 524 645 kr (beräknat: summan av delarna)". */
  figure(fact: AmountFact): string {
    if (fact.approximate) return this.say({ status: fact.status, facts: [fact.id], value: fact.amount.toFixed(), words: this.shown(fact) });
    if (fact.status !== 'derived') return this.marked(fact);
    const fromTotals = fact.components.length > 0 && fact.components.every((part) => this.isColumnTotal(part));
    const how = fromTotals ? this.t('beräknat ur tabellens kolumnsummor', "derived from the table's column totals") : this.t('beräknat: summan av delarna', 'derived: the sum of the parts');
    return this.say({ ...this.derivedClaim(fact), words: `${this.shown(fact)} (${how})` });
  }

  /** A figure with its mark, for lists and rows: "42 451 kr (rekonstruerat, tryckt som ”22451”)", "2 524 645 kr (beräknat)". */
  marked(fact: AmountFact): string {
    const { value, note } = this.row(fact);
    return note ? `${value} (${note})` : value;
  }

  /** A row's value and its mark, shown as "value (mark)": the mark is empty for a plainly printed figure. */
  row(fact: AmountFact): { value: string; note?: string } {
    const value = displayAmount(fact.amount, fact.printed, this.input.lang);
    const note = this.mark(fact);
    const claim = fact.status === 'derived' ? this.derivedClaim(fact) : { status: fact.status, facts: [fact.id], value: fact.amount.toFixed() };
    this.say({ ...claim, words: note ? `${value} (${note})` : value });
    return note ? { value, note } : { value };
  }

  /** "tabellen anger 8 637 112 kr" for a printed figure; a figure that is not printed is worded by its status. */
  statement(fact: AmountFact): string {
    if (fact.status !== 'stated') return this.figure(fact);
    const where = fact.table ? this.t('tabellen', 'the table') : this.t('dokumentet', 'the document');
    return this.say({ status: 'stated', facts: [fact.id], value: fact.amount.toFixed(), words: `${where} ${this.t('anger', 'states')} ${this.shown(fact)}` });
  }

  /**
   * A figure the bot computes from amounts of the store, as asked: "1 123 720 kr (beräknat: 674 017 kr
   * + 449 703 kr)". `minus`: a difference; `of`: a share, given as a percentage.
   */
  computed(facts: AmountFact[], how: { minus?: AmountFact[]; of?: AmountFact[] } = {}): string {
    const shown = (group: AmountFact[]) => group.map((fact) => displayAmount(fact.amount, fact.printed, this.input.lang)).join(' + ');
    const plus = total(facts);
    const ids = (group: AmountFact[]) => group.map((fact) => fact.id);
    if (how.of) {
      const whole = total(how.of);
      const share = shareOf(plus, whole) ?? new Decimal(0);
      const percent = formatPercent(share, this.input.lang, 1);
      const part = facts.length > 1 ? `(${shown(facts)})` : shown(facts);
      const of = how.of.length > 1 ? `(${shown(how.of)})` : shown(how.of);
      const words = `${percent} (${this.t('beräknat', 'derived')}: ${part} / ${of})`;
      return this.say({ status: 'derived', facts: ids(facts), of: ids(how.of), value: share.toFixed(), words });
    }
    if (how.minus) {
      const value = differenceOf(plus, total(how.minus));
      const side = (group: AmountFact[]) => (group.length > 1 ? `(${shown(group)})` : shown(group));
      const words = `${money(value.abs(), this.input.lang)} (${this.t('beräknat', 'derived')}: ${value.isNegative() ? `${side(how.minus)} − ${side(facts)}` : `${side(facts)} − ${side(how.minus)}`})`;
      return this.say({ status: 'derived', facts: ids(facts), minus: ids(how.minus), value: value.toFixed(), words });
    }
    const words = `${money(plus, this.input.lang)} (${this.t('beräknat', 'derived')}: ${shown(facts)})`;
    return this.say({ status: 'derived', facts: ids(facts), value: plus.toFixed(), words });
  }

  /** A sum the documents do not print: "8 366 562 kr (beräknat: summan av 15 belopp i dokumentet, som inte själv anger summan)". */
  unprintedSum(facts: AmountFact[]): string {
    const sum = total(facts);
    const some = this.someReconstructed(facts);
    const words = this.t(
      `${money(sum, 'sv')} (beräknat: summan av ${facts.length} belopp i dokumentet${some}, som inte själv anger summan)`,
      `${money(sum, 'en')} (derived: the sum of ${facts.length} amounts in the document${some}, which does not print the sum itself)`,
    );
    return this.say({ status: 'derived', facts: facts.map((fact) => fact.id), value: sum.toFixed(), words });
  }

  /**
   * A printed (or derived) total set against what its parts add up to, when they differ:
   * "tabellen anger 8 637 112 kr; de 6 beloppen summerar till 8 637 113 kr (beräknat, varav 1
   * rekonstruerat) – skillnaden 1 kr ryms i avrundningen av beloppen". Empty when they agree.
   */
  comparison(whole: AmountFact, parts: AmountFact[]): string {
    const added = this.addUp(whole, parts);
    return added ? `${this.statement(whole)}; ${added}` : '';
  }

  /**
   * What the parts of a total add up to, when it is not the total: "de 6 beloppen summerar till
   * 42 645 246 kr (beräknat, varav 1 rekonstruerat) – skillnaden 2 kr ryms i avrundningen av beloppen".
   */
  addUp(whole: AmountFact, parts: AmountFact[]): string {
    const sum = total(parts);
    if (parts.length < 2 || sum.equals(whole.amount)) return '';
    const some = this.someReconstructed(parts);
    const added = this.say({
      status: 'derived',
      facts: parts.map((part) => part.id),
      value: sum.toFixed(),
      words: this.t(`de ${parts.length} beloppen summerar till ${money(sum, 'sv')} (beräknat${some})`, `the ${parts.length} amounts add up to ${money(sum, 'en')} (derived${some})`),
    });
    const difference = sum.minus(whole.amount).abs();
    // Each of n rounded amounts is off by at most half a krona: a difference within n/2 is their rounding.
    const rounding = difference.lessThanOrEqualTo(new Decimal(parts.length).dividedBy(2));
    const why = rounding
      ? this.t(`skillnaden ${money(difference, 'sv')} ryms i avrundningen av beloppen`, `the difference of ${money(difference, 'en')} is within the rounding of the amounts`)
      : this.t(`skillnad ${money(difference, 'sv')}`, `a difference of ${money(difference, 'en')}`);
    return `${added} – ${why}`;
  }

  /** What a reconstructed figure is, in a sentence of its own, with the range the legible figures leave. */
  reconstruction(fact: AmountFact): string[] {
    if (fact.status !== 'reconstructed' || !fact.reconstruction) return [];
    const { printed, range } = fact.reconstruction;
    const claim = { status: 'reconstructed' as const, facts: [fact.id], value: fact.amount.toFixed() };
    const notes = [
      this.say({
        ...claim,
        words: this.t(
          `Tabellcellen är oläslig i dokumentet (tryckt som ”${printed}”); ${this.shown(fact)} är rekonstruerat ur tabellens läsbara siffror och dokumentets fördelningsmodell.`,
          `The table cell is illegible in the document (printed as “${printed}”); ${this.shown(fact)} is reconstructed from the table's legible figures and the document's distribution model.`,
        ),
      }),
    ];
    if (range) {
      notes.push(
        this.t(
          `De läsbara siffrorna bestämmer inte sista kronan: beloppet ligger mellan ${money(range.min, 'sv')} och ${money(range.max, 'sv')}.`,
          `The legible figures do not pin the last krona: the amount lies between ${money(range.min, 'en')} and ${money(range.max, 'en')}.`,
        ),
      );
    }
    return notes;
  }

  /** "Dokumentet anger beloppet ungefärligt: ”… drygt 18 mkr.”" */
  approximation(fact: AmountFact): string {
    const quote = cleanQuote(fact.source.quote);
    return this.say({
      status: 'stated',
      facts: [fact.id],
      value: fact.amount.toFixed(),
      words: this.t(`Dokumentet anger beloppet ungefärligt: ”${quote}”.`, `The document states this amount approximately: “${quote}”.`),
    });
  }

  /** "De 4 beloppen summerar till 18 018 828 kr (beräknat, inte en siffra i dokumentet)." */
  rowsAddUp(facts: AmountFact[]): string {
    const sum = total(facts);
    return this.say({
      status: 'derived',
      facts: facts.map((fact) => fact.id),
      value: sum.toFixed(),
      words: this.t(`De ${facts.length} beloppen summerar till ${money(sum, 'sv')} (beräknat, inte en siffra i dokumentet).`, `The ${facts.length} amounts add up to ${money(sum, 'en')} (derived, not a figure printed in the document).`),
    });
  }

  /** What the marks of a list mean, naming the entries they are on. */
  legend(facts: AmountFact[]): string[] {
    const notes: string[] = [];
    const reconstructed = facts.filter((fact) => fact.status === 'reconstructed');
    const withParts = facts.filter((fact) => fact.status !== 'reconstructed').flatMap((fact) => fact.components.filter((c) => c.status === 'reconstructed'));
    if (reconstructed.length + withParts.length > 0) {
      notes.push(
        this.say({
          status: 'reconstructed',
          facts: [...reconstructed, ...withParts].map((fact) => fact.id),
          words: this.t(
            'Belopp märkta rekonstruerat, eller med rekonstruerade delar, bygger på oläsliga tabellceller som räknats fram ur tabellens läsbara siffror och dokumentets fördelningsmodell.',
            'Amounts marked reconstructed, or with reconstructed parts, rest on illegible table cells solved from the table’s legible figures and the document’s distribution model.',
          ),
        }),
      );
    }
    const derived = facts.filter((fact) => fact.status === 'derived');
    if (derived.length > 0) {
      notes.push(
        this.say({
          status: 'derived',
          facts: derived.flatMap((fact) => fact.components.map((part) => part.id)),
          words: this.t('Belopp märkta beräknat är summor av delbelopp, inte siffror i dokumentet.', 'Amounts marked derived are sums of parts, not figures printed in the document.'),
        }),
      );
    }
    return notes;
  }

  /** A key as the document words it: ”Medlen fördelas …” (or that it gives none). */
  keyQuote(key: KeyFact): string {
    const quote = cleanQuote(key.source.quote);
    const words = key.key.type === 'notStated' ? this.t(`dokumentet anger ingen fördelningsnyckel (”${quote}”)`, `the document states no key (“${quote}”)`) : this.t(`(”${quote}”)`, `(“${quote}”)`);
    return this.say({ status: 'stated', facts: [key.id], words });
  }

  /** "Dokumentet anger ingen fördelningsnyckel för de 200 Mkr som fördelas till länen." */
  noKey(key: KeyFact, pot: string): string {
    return this.say({
      status: 'stated',
      facts: [key.id],
      words: this.t(`Dokumentet anger ingen fördelningsnyckel för de ${pot} som fördelas till länen.`, `The document states no distribution key for the ${pot} shared among the counties.`),
    });
  }

  /** The distribution model a table states: "Modell enligt dokumentet: ”…”". */
  model(table: TableFact, quote: string): string {
    const text = cleanQuote(quote);
    return this.say({ status: 'stated', facts: [table.id], words: this.t(`Modell enligt dokumentet: ”${text}”`, `Model as the document states it (in Swedish): “${text}”`) });
  }

  /** A county's share of a pot worked out from its amount, the number of counties from the fixed key. */
  shareAndCounties(fact: AmountFact, key: KeyFact, counted: KeyFact): string {
    return this.say({
      status: 'derived',
      facts: [fact.id, key.id, counted.id],
      words: this.t('(andelen är härledd ur beloppet; antalet län är härlett ur brukarmedverkansnyckeln)', '(the share is derived from the amount; the number of counties from the user-participation key)'),
    });
  }

  /** The number of counties a fixed key's pot covers. */
  counties(key: KeyFact): string {
    return this.say({ status: 'derived', facts: [key.id], words: this.t('(antalet län är härlett ur nyckeln)', '(the number of counties is derived from the key)') });
  }

  /** A share of a pot by a weight the document names ("befolkningsandel"), worked out from the amount. */
  share(fact: AmountFact, key: KeyFact, weight: string): string {
    return this.say({ status: 'derived', facts: [fact.id, key.id], words: this.t(`(${weight}, härledd ur beloppet)`, `(${weight}, derived from the amount)`) });
  }

  private mark(fact: AmountFact): string {
    if (fact.status === 'reconstructed') {
      const printed = fact.reconstruction?.printed ?? '';
      return this.t(`rekonstruerat, tryckt som ”${printed}”`, `reconstructed, printed as “${printed}”`);
    }
    if (fact.status === 'derived') return this.t('beräknat', 'derived');
    return fact.approximate ? this.t('ungefärligt', 'approximate') : '';
  }

  private derivedClaim(fact: AmountFact): Omit<Claim, 'words'> {
    return { status: 'derived', facts: fact.components.map((part) => part.id), value: fact.amount.toFixed(), derivedFact: fact.id };
  }

  private isColumnTotal(fact: AmountFact): boolean {
    return this.input.store.tableLine(fact)?.columnTotals === true;
  }

  /** ", varav 2 rekonstruerade": how many of the amounts are reconstructed, or are sums of reconstructed parts. */
  private someReconstructed(facts: AmountFact[]): string {
    // A printed total with reconstructed cells is still printed; a sum of parts rests on its parts.
    const n = facts.filter((fact) => fact.status === 'reconstructed' || (fact.status === 'derived' && fact.components.some((part) => part.status === 'reconstructed'))).length;
    return n === 0 ? '' : this.t(`, varav ${n} ${n === 1 ? 'rekonstruerat' : 'rekonstruerade'}`, `, ${n} of them reconstructed`);
  }

  private shown(fact: AmountFact): string {
    const shown = displayAmount(fact.amount, fact.printed, this.input.lang);
    return fact.approximate ? `${this.t('drygt', 'just over')} ${shown}` : shown;
  }

  private say(claim: Claim): string {
    this.claims.push(claim);
    return claim.words;
  }

  private t(sv: string, en: string): string {
    return this.input.lang === 'sv' ? sv : en;
  }
}

function total(facts: AmountFact[]): Decimal {
  return facts.reduce((sum, fact) => sum.plus(fact.amount), new Decimal(0));
}
