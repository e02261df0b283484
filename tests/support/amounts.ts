// Test helper: amounts written as a person reads them in a reply, worked out independently of the
// bot's own formatting code so that a test compares against the documents' convention.
import { Decimal } from 'decimal.js';

/** "7 088 178 kr", "2 401 275,88 kr" (sv) or "SEK 1,781,599" (en): whole kronor without öre, else two decimals. */
export function kr(value: Decimal.Value, lang: 'sv' | 'en' = 'sv'): string {
  const amount = new Decimal(value);
  const places = amount.isInteger() ? 0 : 2;
  const [whole, fraction] = amount.toFixed(places).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, lang === 'sv' ? ' ' : ',');
  return lang === 'sv' ? `${grouped}${fraction ? `,${fraction}` : ''} kr` : `SEK ${grouped}${fraction ? `.${fraction}` : ''}`;
}
