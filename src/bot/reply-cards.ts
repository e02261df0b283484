// The answer card of a reply, expanded once per distinct reply and kept. Expanding a template is the
// costly part of a turn's reply (about a quarter of a millisecond); the same few hundred replies come
// back again and again, each time asked in another conversation (another question text, another carried
// context). The question and the context go into the card only as the data of its buttons, so a card
// is expanded with a stand-in for each, and every use copies the few nodes that hold them and puts the
// real ones in; everything else is shared, frozen.
//
// The first expansion of every reply is checked: the card made with the stand-ins and filled in must be
// exactly the card made with the real question and context, or that reply is never served from here.
import { randomUUID } from 'node:crypto';
import type { Reply } from '../brain/reply.js';
import type { AdaptiveCardJson } from '../cards/expand.js';
import { cardForReply, type CardOptions } from '../cards/view.js';

export type CardMaker = (reply: Reply, options: CardOptions) => AdaptiveCardJson;

/** Where the stand-ins are: a string to fill in, or the children that hold one, by key or index. */
type Holes = 'fill' | Map<string | number, Holes>;

interface Kept {
  card: AdaptiveCardJson;
  /** Undefined: the card holds neither stand-in (it is used as it is). */
  holes: Holes | undefined;
}

/** A reply whose card is not what filling in would make: always expanded. */
const NOT_KEPT = Symbol('not kept');

/** Distinct replies remembered: the acceptance questions in every context make about 700. */
export const DEFAULT_REPLY_CARDS = 1024;

export class ReplyCards {
  private readonly kept = new Map<string, Kept | typeof NOT_KEPT>();
  // Unguessable, so no question or context a user sends can contain them.
  private readonly question = `\u0000question-${randomUUID()}\u0000`;
  private readonly context = `\u0000context-${randomUUID()}\u0000`;
  private readonly standIns: RegExp;

  constructor(
    private readonly size = DEFAULT_REPLY_CARDS,
    private readonly make: CardMaker = cardForReply,
  ) {
    this.standIns = new RegExp(`${escape(this.question)}|${escape(this.context)}`, 'g');
  }

  /** The card of `reply` asked as `options.question` in `options.context`: as cardForReply makes it. */
  card(reply: Reply, options: CardOptions): AdaptiveCardJson {
    if (this.size === 0) return this.make(reply, options);
    const key = `${options.showDerivation === true ? 1 : 0}${options.showSource === true ? 1 : 0}${options.insertable === true ? 1 : 0}${options.offerAsk === true ? 1 : 0}:${options.from ?? 0}:${JSON.stringify(reply)}`;
    const known = this.kept.get(key);
    if (known !== undefined) {
      this.kept.delete(key);
      this.kept.set(key, known);
      if (known === NOT_KEPT) return this.make(reply, options);
      return known.holes === undefined ? known.card : (this.fill(known.card, known.holes, options) as AdaptiveCardJson);
    }
    const card = this.make(reply, options);
    const template = this.make(reply, { ...options, question: this.question, context: this.context });
    const holes = this.holesOf(template);
    const same = holes !== null && JSON.stringify(holes === undefined ? template : this.fill(template, holes, options)) === JSON.stringify(card);
    this.kept.set(key, same ? { card: deepFreeze(template), holes: holes ?? undefined } : NOT_KEPT);
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value!);
    return card;
  }

  /** The stand-ins' places; undefined: none; null: one is in a property name (not kept). */
  private holesOf(node: unknown): Holes | undefined | null {
    if (typeof node === 'string') {
      this.standIns.lastIndex = 0;
      return this.standIns.test(node) ? 'fill' : undefined;
    }
    if (node === null || typeof node !== 'object') return undefined;
    const holes = new Map<string | number, Holes>();
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((child, index) => [index, child]) : Object.entries(node);
    for (const [key, child] of entries) {
      if (typeof key === 'string') {
        this.standIns.lastIndex = 0;
        if (this.standIns.test(key)) return null;
      }
      const inner = this.holesOf(child);
      if (inner === null) return null;
      if (inner !== undefined) holes.set(key, inner);
    }
    return holes.size > 0 ? holes : undefined;
  }

  /** A copy of the nodes on the way to each stand-in, with the real values put in; the rest shared. */
  private fill(node: unknown, holes: Holes, options: CardOptions): unknown {
    if (holes === 'fill') return (node as string).replace(this.standIns, (found) => (found === this.question ? options.question : options.context));
    const copy = (Array.isArray(node) ? [...(node as unknown[])] : { ...(node as object) }) as Record<string | number, unknown>;
    for (const [key, inner] of holes) copy[key] = this.fill(copy[key], inner, options);
    return copy;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
