// The one line an answer is announced with: the activity text (notifications, chat previews, screen
// readers) and the card's fallbackText. The first whole sentence, never cut at an abbreviation ("kl.",
// "t.ex."), a number ("1.", "09.00") or an initial; a sentence that goes on to list items after a colon
// ("…störst först: 1. Mora …") is said up to the colon.

/** Words that end with a full stop without ending the sentence (Swedish and English, lower case). */
const ABBREVIATIONS = new Set(['kl', 't.ex', 'bl.a', 'ca', 'nr', 's.k', 'dvs', 'd.v.s', 'm.m', 'resp', 'jfr', 'p.g.a', 'pga', 'enl', 'inkl', 'exkl', 'st', 'tel', 'e.g', 'i.e', 'approx', 'vs', 'mr', 'ms', 'dr']);

/** The first sentence of `text`, whole, on one line. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const boundary = /[.!?…](?=\s+["”“(]?[A-ZÅÄÖÉ0-9])/g;
  for (let match = boundary.exec(flat); match; match = boundary.exec(flat)) {
    if (match[0] === '.' && !endsSentence(flat.slice(0, match.index))) continue;
    return flat.slice(0, match.index + 1);
  }
  return flat;
}

/** The one-line summary of an answer's text. */
export function summaryLine(text: string): string {
  let line = firstSentence(text);
  // A list after a colon: the line says what the list is, the card shows it.
  const list = /:\s+(?:1[.)]\s|•|-\s)/.exec(line);
  return list ? `${line.slice(0, list.index)}.` : line;
}

/** Whether a full stop after `before` ends a sentence: not after an abbreviation, a number or an initial. */
function endsSentence(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = word.replace(/^[("”“']+/, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return false;
  // "1." of a numbered list.
  if (/^\d{1,2}$/.test(bare)) return false;
  // An initial: "A. Andersson".
  if (/^\p{Lu}$/u.test(word)) return false;
  return true;
}
