// How BlobDocumentStore turns keys into blob names: exact round-trip, prefixes preserved, and only
// characters that need no interpretation by URLs or the service.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blobNameOf, decodeKey, encodeKey } from '../../src/platform/blob-store.js';

// Keys are strings of whole characters (no lone surrogates): what JSON and Teams ids carry.
const key = fc.string({ unit: 'grapheme', maxLength: 40 });
const keyish = fc.array(fc.constantFrom('a', 'Z', '0', '/', '.', ':', '@', ';', '#', '%', '~', ' ', 'å', 'Ö', '😀', '-', '_'), { maxLength: 30 }).map((parts) => parts.join(''));

describe('blob names of keys', () => {
  it('decode back to exactly the key', () => {
    fc.assert(fc.property(fc.oneof(key, keyish), (k) => decodeKey(encodeKey(k)) === k));
  });

  it('keep prefixes: the name of a prefix is a prefix of the names of the keys that start with it', () => {
    fc.assert(fc.property(fc.oneof(key, keyish), fc.oneof(key, keyish), (a, b) => encodeKey(a + b).startsWith(encodeKey(a))));
  });

  it('use only letters, digits, "-", "_", "~", "/" and end in .json, with no "." or ".." steps', () => {
    fc.assert(
      fc.property(fc.oneof(key, keyish), (k) => {
        const name = blobNameOf(k);
        return /^[A-Za-z0-9_\-~/]*\.json$/.test(name) && !name.split('/').some((step) => step === '.' || step === '..');
      }),
    );
  });

  it('encode Teams conversation ids readably', () => {
    expect(blobNameOf('subscriptions/a:1XyZ/skåne')).toBe('subscriptions/a~3A1XyZ/sk~C3~A5ne.json');
    expect(encodeKey('19:abc@thread.tacv2;messageid=123#x')).toBe('19~3Aabc~40thread~2Etacv2~3Bmessageid~3D123~23x');
  });

  it('refuse names the encoding cannot have produced', () => {
    for (const name of ['a.b', 'a%3A', 'a~3a', 'a~3', 'a~ZZ', 'a~C3', 'a~41']) expect(decodeKey(name), name).toBeUndefined();
  });
});
