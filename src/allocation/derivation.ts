// How a part was arrived at, in words a coordinator can check against the memo.
import { formatSek, type Lang } from './money.js';
import type { AllocationComponent, AllocationPart } from './types.js';

/** Phrases for the weights the memos use; other weights read "efter <name>" / "by <name>". */
const WEIGHT_PHRASES: Record<string, Record<Lang, string>> = {
  population: { sv: 'efter befolkning', en: 'by population' },
  population0to25: { sv: 'efter befolkning 0–25 år', en: 'by population aged 0–25' },
};

const KIND_WORDS = {
  base: { sv: 'bas', en: 'base' },
  fixed: { sv: 'fast belopp', en: 'fixed amount' },
} as const;

/** "1 000 000 kr bas + 1 142 432 kr efter befolkning = 2 142 432 kr". */
export function describeDerivation(part: AllocationPart, lang: Lang): string {
  const terms = part.components.map((component) => `${formatSek(component.amount, lang)} ${describe(component, lang)}`);
  return `${terms.join(' + ')} = ${formatSek(part.amount, lang)}`;
}

function describe(component: AllocationComponent, lang: Lang): string {
  const what =
    component.kind === 'proRata'
      ? (WEIGHT_PHRASES[component.label]?.[lang] ?? `${lang === 'sv' ? 'efter' : 'by'} ${component.label}`)
      : component.kind === 'ratio'
        ? component.label
        : KIND_WORDS[component.kind][lang];
  return component.pot === undefined ? what : `${what} (${component.pot})`;
}
