// Distribution keys: how a pot is shared among recipients. Each key is a zod schema, so keys read
// from data files are checked before any money is computed, and keys compose through `sum`.
import { Decimal } from 'decimal.js';
import { z } from 'zod';

/** A non-negative decimal given as a string ("1000000.50"), a number or a Decimal. */
export const decimalSchema = z
  .union([z.string(), z.number(), z.instanceof(Decimal)])
  .transform((value, context) => {
    try {
      const decimal = new Decimal(value);
      if (decimal.isFinite() && !decimal.isNegative()) return decimal;
    } catch {
      // Reported below like any other invalid value.
    }
    context.addIssue({ code: 'custom', message: `expected a non-negative decimal, got ${String(value)}` });
    return z.NEVER;
  });

/** The whole amount in proportion to a named weight ("population", "population0to25"). */
export const proRataKeySchema = z.object({
  type: z.literal('proRata'),
  weight: z.string().min(1),
});

/** An equal base per recipient; what remains in proportion to a named weight. */
export const basePlusProRataKeySchema = z.object({
  type: z.literal('basePlusProRata'),
  base: decimalSchema,
  weight: z.string().min(1),
});

/** A fixed amount per recipient, other amounts for named recipients (2 Mkr for the metropolitan counties). */
export const fixedKeySchema = z.object({
  type: z.literal('fixed'),
  amount: decimalSchema,
  exceptions: z.array(z.object({ recipients: z.array(z.string().min(1)).min(1), amount: decimalSchema })).optional(),
});

/** Splits one amount into components in proportion to weights (2:1); not a split among recipients. */
export const ratioKeySchema = z.object({
  type: z.literal('ratio'),
  parts: z.array(z.object({ id: z.string().min(1), label: z.string().optional(), weight: decimalSchema })).min(1),
});

/** Several pots, each shared by its own key, added up per recipient. */
export const sumKeySchema = z.object({
  type: z.literal('sum'),
  parts: z
    .array(
      z.object({
        get key() {
          return distributionKeySchema;
        },
        amount: decimalSchema,
        label: z.string().optional(),
      }),
    )
    .min(1),
});

export const distributionKeySchema = z.discriminatedUnion('type', [
  proRataKeySchema,
  basePlusProRataKeySchema,
  fixedKeySchema,
  ratioKeySchema,
  sumKeySchema,
]);

export type ProRataKey = z.output<typeof proRataKeySchema>;
export type BasePlusProRataKey = z.output<typeof basePlusProRataKeySchema>;
export type FixedKey = z.output<typeof fixedKeySchema>;
export type RatioKey = z.output<typeof ratioKeySchema>;
export type SumKey = z.output<typeof sumKeySchema>;
export type DistributionKey = z.output<typeof distributionKeySchema>;
