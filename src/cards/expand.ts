// Adaptive Card templates (cards/*.json) expanded with data. Each template is read and compiled once,
// at its first use, and kept: compiling costs far more than expanding (~0.7 ms against ~0.02 ms).
import { readFileSync } from 'node:fs';
// The engine module itself: the package's index also re-exports JSONSchemaCard, whose typings pull in
// adaptivecards' TypeScript sources (node_modules/adaptivecards/src), which do not compile under this tsconfig.
import { Template } from 'adaptivecards-templating/lib/template-engine.js';

/** The templates in cards/, by file name. */
export const CARD_NAMES = ['amount', 'list', 'deadline', 'invoice', 'focusArea', 'key', 'contact', 'quote', 'unknown', 'clarify', 'help', 'welcome', 'error', 'notice', 'whatIf', 'ticket', 'ticketSent', 'coordinatorAnswer'] as const;

export type CardName = (typeof CARD_NAMES)[number];

/** One element or action of a card: a plain JSON object with a type. */
export interface CardNode {
  type: string;
  [property: string]: unknown;
}

/** An expanded Adaptive Card, ready to be sent as an attachment. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  body: CardNode[];
  actions?: CardNode[];
  [property: string]: unknown;
}

const CARDS_FOLDER = new URL('../../cards/', import.meta.url);
const compiled = new Map<CardName, Template>();

function isCardName(name: string): name is CardName {
  return (CARD_NAMES as readonly string[]).includes(name);
}

function template(name: CardName): Template {
  let cached = compiled.get(name);
  if (!cached) {
    const file = new URL(`${name}.json`, CARDS_FOLDER);
    let payload: unknown;
    try {
      payload = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`Card template "${name}" could not be read from ${file.pathname}: ${(error as Error).message}`);
    }
    cached = new Template(payload);
    compiled.set(name, cached);
  }
  return cached;
}

/** Expands the named template (cards/<name>.json) with the data. */
export function expandCard(name: CardName, data: object): AdaptiveCardJson {
  if (!isCardName(name)) throw new Error(`Unknown card template "${String(name)}"; the templates are: ${CARD_NAMES.join(', ')}`);
  let card: unknown;
  try {
    card = template(name).expand({ $root: data });
  } catch (error) {
    throw new Error(`Card template "${name}" could not be expanded: ${(error as Error).message}`);
  }
  if (typeof card !== 'object' || card === null || (card as { type?: unknown }).type !== 'AdaptiveCard') {
    throw new Error(`Card template "${name}" did not expand to an AdaptiveCard`);
  }
  return card as AdaptiveCardJson;
}
