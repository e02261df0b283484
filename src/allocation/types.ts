// The shapes an allocation is described in: who receives, and what each one gets and why.
import type { Decimal } from 'decimal.js';
import type { RoundingUnit } from './money.js';

export interface Recipient {
  id: string;
  name?: string;
  /** Named weights a pro rata key reads, e.g. { population: 2_086_000 }. */
  weights?: Record<string, Decimal.Value>;
}

/** base: the equal base; proRata: the share by a weight; fixed: a fixed amount; ratio: a share of a split. */
export type ComponentKind = 'base' | 'proRata' | 'fixed' | 'ratio';

export interface AllocationComponent {
  kind: ComponentKind;
  /** 'base', 'fixed', the weight name of a pro rata share, or the label (or id) of a ratio part. */
  label: string;
  /** The pot of a `sum` key this component comes from (outer / inner when nested). */
  pot?: string;
  /** Rounded to the allocation's unit. */
  amount: Decimal;
  /** Before rounding. */
  exact: Decimal;
}

export interface AllocationPart {
  id: string;
  /** Rounded; the parts of an allocation add up exactly to its total. */
  amount: Decimal;
  /** Before rounding. */
  exact: Decimal;
  /** Add up exactly to `amount`. */
  components: AllocationComponent[];
}

export interface Allocation {
  total: Decimal;
  unit: RoundingUnit;
  /** In the order the recipients were given. */
  parts: AllocationPart[];
}

export class AllocationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AllocationError';
  }
}
