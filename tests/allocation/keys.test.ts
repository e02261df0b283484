import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { distributionKeySchema } from '../../src/allocation/index.js';

describe('distribution key schemas', () => {
  it('reads decimals given as strings, numbers or Decimals into Decimals', () => {
    const key = distributionKeySchema.parse({
      type: 'ratio',
      parts: [
        { id: 'handlingsplaner', weight: '2' },
        { id: 'kunskapsbas', weight: 1 },
        { id: 'övrigt', weight: new Decimal('0.5') },
      ],
    });
    expect(key.type === 'ratio' && key.parts.map((part) => part.weight.toFixed())).toEqual(['2', '1', '0.5']);
    expect(key.type === 'ratio' && key.parts.every((part) => part.weight instanceof Decimal)).toBe(true);
  });

  it('composes pots with their own keys through sum, nested to any depth', () => {
    const key = distributionKeySchema.parse({
      type: 'sum',
      parts: [
        {
          label: 'Samverkan',
          amount: '14637112',
          key: { type: 'basePlusProRata', base: '1000000', weight: 'population' },
        },
        {
          label: 'Övrigt',
          amount: 100,
          key: { type: 'sum', parts: [{ amount: 100, key: { type: 'fixed', amount: 50 } }] },
        },
      ],
    });
    expect(key.type).toBe('sum');
    const inner = key.type === 'sum' ? key.parts[1]?.key : undefined;
    expect(inner?.type === 'sum' && inner.parts[0]?.key.type).toBe('fixed');
  });

  it.each([
    ['a negative base', { type: 'basePlusProRata', base: '-1', weight: 'population' }],
    ['text that is no number', { type: 'fixed', amount: '1 mkr' }],
    ['an infinite amount', { type: 'fixed', amount: 'Infinity' }],
    ['a ratio without parts', { type: 'ratio', parts: [] }],
    ['a sum without pots', { type: 'sum', parts: [] }],
    ['a pro rata key without a weight name', { type: 'proRata', weight: '' }],
    ['an unknown key type', { type: 'lottery' }],
    ['a bad key inside a sum', { type: 'sum', parts: [{ amount: 1, key: { type: 'fixed', amount: -1 } }] }],
  ])('rejects %s', (_, input) => {
    expect(distributionKeySchema.safeParse(input).success).toBe(false);
  });
});
