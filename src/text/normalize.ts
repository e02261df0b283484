// Text normalisation shared by the knowledge store and the question parser: people type without
// diacritics, in any case, with stray punctuation; documents break lines anywhere.

/** Collapses every run of whitespace (newlines, tabs, non-breaking spaces) into one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** What the documents' Word export left in the text: bookmarks and image descriptions ("[bookmark: _Hlk12963859]"). */
const WORD_RESIDUE = /\[(?:bookmark|image):[^\]]*\]/g;

/**
 * A quote as a person reads it: Word residue removed, tabs and line breaks collapsed. A quote is in its
 * document when its clean text is in the document's clean text.
 */
export function cleanQuote(text: string): string {
  let clean = cleanQuotes.get(text);
  if (clean === undefined) {
    if (cleanQuotes.size >= MAX_CLEAN_QUOTES) cleanQuotes.clear();
    cleanQuotes.set(text, (clean = collapseWhitespace(text.replace(WORD_RESIDUE, ''))));
  }
  return clean;
}

/** The documents' quotes are few and cleaned for every answer that shows them: each is cleaned once. */
const cleanQuotes = new Map<string, string>();
const MAX_CLEAN_QUOTES = 10_000;

/**
 * The texts folded last: one question is folded by every stage that reads it (understanding, the
 * answerers, the sources), and folding depends on the text alone.
 */
const recentlyFolded = new Map<string, string>();
const RECENTLY_FOLDED = 256;

/** Lower case, no diacritics (å→a, ä→a, ö→o, é→e), no punctuation but dashes between letters. */
export function foldText(text: string): string {
  let folded = recentlyFolded.get(text);
  if (folded === undefined) {
    if (recentlyFolded.size >= RECENTLY_FOLDED) recentlyFolded.clear();
    recentlyFolded.set(text, (folded = foldAfresh(text)));
  }
  return folded;
}

function foldAfresh(text: string): string {
  return collapseWhitespace(
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9\s-]/g, ' ')
      .replace(/(^|\s)-+|-+(\s|$)/g, ' '),
  );
}

/** Words of a folded text. */
export function words(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
  }
  return d[rows * cols - 1]!;
}
