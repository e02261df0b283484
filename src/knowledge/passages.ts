// Splits each source document into passages (a heading and the paragraphs under it) for free-text
// search. Derived from the texts at load, so the passages can never drift from the documents.
import { collapseWhitespace } from '../text/normalize.js';
import type { DocumentMeta } from './schema.js';

export interface Passage {
  id: string;
  document: DocumentMeta;
  section: string;
  text: string;
}

const MAX_PASSAGE_CHARS = 900;

/** A line that looks like a heading: "3.1.2 Stärka brukarmedverkan", "## PM", "b) Brukarmedverkan", "Del II: …". */
function headingOf(line: string): string | undefined {
  const text = line.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
  if (text.length < 3 || text.length > 140) return undefined;
  // "3.1.2 Stärka …" is a heading; "1. Kommunerna och regionen ska redovisa …" is a numbered list item.
  const numbered = /^(\d+\.\d+(\.\d+)*\.?|[a-d]\)|Del [IVX]+:)\s+\S/.test(text) || (/^\d+\.?\s+\S/.test(text) && text.length <= 60);
  if (numbered && !/[.:;,]$/.test(text) && !/\d\s*(kr|mkr)/i.test(text)) return text;
  if (/^#+\s/.test(line)) return text;
  return undefined;
}

export function splitPassages(document: DocumentMeta, text: string): Passage[] {
  const passages: Passage[] = [];
  let section = document.title;
  let buffer: string[] = [];
  const flush = () => {
    const body = collapseWhitespace(buffer.join(' '));
    buffer = [];
    if (body.length < 40) return;
    passages.push({ id: `${document.file}#${passages.length + 1}`, document, section, text: body });
  };
  const paragraphs = text.split(/\n\s*\n/);
  for (const paragraph of paragraphs) {
    const lines = paragraph.split('\n').filter((line) => line.trim() !== '');
    const heading = headingOf(lines[0] ?? '');
    if (heading) {
      flush();
      section = collapseWhitespace(heading);
      if (lines.length > 1) buffer.push(collapseWhitespace(lines.slice(1).join(' ')));
      continue;
    }
    const body = collapseWhitespace(paragraph);
    if (buffer.join(' ').length + body.length > MAX_PASSAGE_CHARS) flush();
    buffer.push(body);
  }
  flush();
  return passages;
}
