// Conversation ids inside storage keys. Teams' ids ('19:…@thread.tacv2', 'a:1…') are used as they
// are; anything that could break a key's structure or its length is hashed.
import { createHash } from 'node:crypto';

/** Marks a hashed key segment; never kept in a plain one, so the two kinds cannot meet. */
const HASHED = '#';
/** Far above any id Teams issues (~150 characters), and short enough for a blob name once encoded. */
const PLAIN_MAX_BYTES = 256;

/**
 * The conversation id as one key segment. Ids as Teams issues them ('19:…@thread.tacv2', 'a:1…') keep
 * the segment they always had, so stored records stay readable. An id with '/' would make one
 * conversation's prefix ('subscriptions/a/') cover another's ('subscriptions/a/b/…'), and a very long
 * one would not fit a blob name: those become '#' and the SHA-256 of the id (of its UTF-16 code units,
 * so ids that differ only in a lone surrogate differ).
 */
export function conversationSegment(id: string): string {
  if (!id.includes('/') && !id.includes(HASHED) && Buffer.byteLength(id, 'utf8') <= PLAIN_MAX_BYTES) return id;
  return HASHED + createHash('sha256').update(id, 'utf16le').digest('hex');
}

/** A whole key too long for a blob name (1 024 characters) or a file name, hashed under its prefix. */
export function boundedKey(prefix: string, key: string): string {
  return Buffer.byteLength(key, 'utf8') <= PLAIN_MAX_BYTES && !key.startsWith(HASHED) ? prefix + key : `${prefix}${HASHED}${createHash('sha256').update(key, 'utf16le').digest('hex')}`;
}
