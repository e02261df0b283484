// ZIP archives for the Teams app package, on fflate (synchronous, so the packager stays synchronous;
// jszip, which the tests use to read the package independently, only has an asynchronous API).
// The writer is reproducible: one fixed timestamp and the given entry order, so the same input gives the
// same bytes.

import { unzipSync, zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  data: Uint8Array;
}

/** 1980-01-01 00:00:00 local time, the earliest DOS date: no build time leaks into the package. */
const FIXED_TIME = new Date(1980, 0, 1);

export class ZipError extends Error {
  override name = 'ZipError';
}

/** Builds a ZIP archive of the entries, in the given order. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries) {
    if (entry.name === '' || entry.name.startsWith('/') || entry.name.includes('\\') || entry.name.split('/').includes('..')) {
      throw new ZipError(`invalid entry name: ${JSON.stringify(entry.name)}`);
    }
    if (Object.hasOwn(files, entry.name)) throw new ZipError(`duplicate entry name: ${entry.name}`);
    files[entry.name] = entry.data;
  }
  const zip = zipSync(files, { level: 9, mtime: FIXED_TIME });
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}

/** Reads every entry of a ZIP archive, in archive order (deflate or store). */
export function readZip(zip: Uint8Array): ZipEntry[] {
  try {
    return Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, data }));
  } catch (error) {
    throw new ZipError(`not a readable ZIP archive: ${(error as Error).message}`);
  }
}
