// The allocation core: the one place where money is computed. Pure: no I/O, no bot, no files.
export {
  formatPercent,
  formatSek,
  MoneyParseError,
  parseSek,
  roundTo,
  tryParseSek,
  type FormatSekOptions,
  type Lang,
  type RoundingUnit,
} from './money.js';
export {
  basePlusProRataKeySchema,
  decimalSchema,
  distributionKeySchema,
  fixedKeySchema,
  proRataKeySchema,
  ratioKeySchema,
  sumKeySchema,
  type BasePlusProRataKey,
  type DistributionKey,
  type FixedKey,
  type ProRataKey,
  type RatioKey,
  type SumKey,
} from './keys.js';
export { allocate, describeDerivation, impliedShare, splitByRatio, type RoundingOptions } from './allocate.js';
export {
  AllocationError,
  type Allocation,
  type AllocationComponent,
  type AllocationPart,
  type ComponentKind,
  type Recipient,
} from './types.js';
export {
  verifyTable,
  type Discrepancy,
  type PublishedRow,
  type PublishedTable,
  type SuspectCell,
  type TableVerification,
} from './verify.js';
export {
  describeCertainty,
  reconstructBasePlusShare,
  ReconstructionError,
  type Inconsistency,
  type PartlyLegibleRow,
  type ReconstructedCell,
  type ReconstructedRow,
  type ReconstructedSum,
  type Reconstruction,
  type ReconstructionInput,
  type ShareColumn,
} from './reconstruct.js';
export {
  solveBasePlusShare,
  type Figure,
  type SolvedCell,
  type SolvedColumn,
  type SolvedRow,
  type Solution,
  type SolveInput,
  type SolveRow,
  type Span,
} from './solve-base-plus-share.js';
export { keepsDigits, solvedDigits, validateKept } from './digits.js';
export { differenceOf, shareOf, sumOf } from './combine.js';
