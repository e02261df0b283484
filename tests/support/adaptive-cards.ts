// Checking a card with the adaptivecards package itself, for every test that builds cards: walk its
// nodes, parse it, collect the SDK's events and validation, and report what the SDK did not keep.
import { createRequire } from 'node:module';
import type { AdaptiveCardJson } from '../../src/cards/expand.js';

type AdaptiveCards = typeof import('adaptivecards');
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCards;

export type Json = Record<string, unknown>;

/** Every object in a card, depth first; an action's data is the bot's payload, not card structure. */
export function* nodes(value: unknown): Generator<Json> {
  if (Array.isArray(value)) for (const item of value) yield* nodes(item);
  else if (value && typeof value === 'object') {
    yield value as Json;
    for (const [key, child] of Object.entries(value)) if (key !== 'data') yield* nodes(child);
  }
}

/** Properties the SDK does not model and so leaves out of toJSON(), on purpose. */
function droppedOnPurpose(path: string, key: string, value: unknown): boolean {
  if (path === '' && key === 'msteams') return true; // Teams-only: { width: 'Full' }
  if (/\.actions\[\d+\]$/.test(path) && key === 'fallback') return true; // parsed on its own below
  if (key === 'isVisible' && value === true) return true; // the default
  if (path === '' && key === 'actions' && Array.isArray(value) && value.length === 0) return true;
  return false;
}

/** Differences between the card and what the SDK made of it: a misspelt or unsupported property shows here. */
function lostInParsing(original: unknown, parsed: unknown, path = '', out: string[] = []): string[] {
  if (Array.isArray(original)) {
    if (!Array.isArray(parsed) || parsed.length !== original.length) out.push(`${path}: ${original.length} items became ${JSON.stringify(parsed)?.slice(0, 80)}`);
    else original.forEach((item, i) => lostInParsing(item, parsed[i], `${path}[${i}]`, out));
  } else if (original && typeof original === 'object') {
    const target = (parsed ?? {}) as Json;
    for (const [key, value] of Object.entries(original)) {
      if (!(key in target)) {
        if (!droppedOnPurpose(path, key, value)) out.push(`${path}.${key} was dropped (${JSON.stringify(value).slice(0, 80)})`);
      } else lostInParsing(value, target[key], `${path}.${key}`, out);
    }
  } else if (original !== parsed) out.push(`${path}: ${JSON.stringify(original)} became ${JSON.stringify(parsed)}`);
  return out;
}

function events(context: InstanceType<AdaptiveCards['SerializationContext']>): string[] {
  return Array.from({ length: context.eventCount }, (_, i) => {
    const event = context.getEventAt(i);
    return `${AC.ValidationPhase[event.phase]}/${AC.ValidationEvent[event.event]}: ${event.message}`;
  });
}

/**
 * What the SDK finds wrong with a card: parse events, validateProperties(), properties lost in parsing,
 * a different number of actions, and every action fallback (the card's and its ActionSets') that is
 * not an Action.Submit the SDK parses cleanly. Empty when it is fine.
 */
export function sdkProblems(card: AdaptiveCardJson): string[] {
  const found: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  found.push(...events(context));
  for (const event of parsed.validateProperties().validationEvents) found.push(`Validation/${AC.ValidationEvent[event.event]}: ${event.message}`);
  found.push(...lostInParsing(card, parsed.toJSON()));
  const actions = (card.actions ?? []) as Json[];
  if (parsed.getActionCount() !== actions.length) found.push(`SDK parsed ${parsed.getActionCount()} actions of ${actions.length}`);
  const sets = [...nodes(card)].filter((node) => node.type === 'ActionSet').flatMap((set) => set.actions as Json[]);
  [...actions, ...sets].forEach((action, i) => {
    if (action.fallback === undefined) return;
    const fallbackContext = new AC.SerializationContext();
    const fallback = fallbackContext.parseAction(parsed, action.fallback, [], false);
    found.push(...events(fallbackContext).map((event) => `actions[${i}].fallback ${event}`));
    if (!(fallback instanceof AC.SubmitAction)) found.push(`actions[${i}].fallback is not an Action.Submit`);
  });
  return found;
}
