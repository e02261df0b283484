// The state store for several bot instances: one JSON blob per key in an Azure Blob Storage container.
// Optimistic concurrency uses the blobs' own eTags: a create-only write sends If-None-Match: *, an update
// sends If-Match with the eTag read, and the service refuses the write if the blob exists or has changed.
// Failures of the storage itself (network, timeouts, 5xx after the client's retries) are not swallowed:
// they reject, and the caller decides. A blob that is not JSON is never taken for absent: a read copies
// it under corrupt/, removes it, reports it and fails once; a conditional write over it is refused.
import { BlobServiceClient, RestError, type ContainerClient, type StorageRetryOptions } from '@azure/storage-blob';
import { CorruptDocumentError, PreconditionFailedError, type CorruptionListener, type DocumentStore, type StoredDocument } from './file-store.js';

export interface BlobDocumentStoreOptions {
  /** The storage client's retries of one request (network errors, 500, 503). */
  retryOptions?: StorageRetryOptions;
  /**
   * Bound on one store operation, all its tries and the download of the body included. The storage
   * client has no client-side timeout of its own (tryTimeoutInMs only asks the service to give up), so
   * without this an operation against a storage account that accepts connections but never answers
   * would hang.
   */
  operationTimeoutInMs?: number;
  onCorrupt?: CorruptionListener;
}

export const DEFAULT_RETRY_OPTIONS: StorageRetryOptions = {
  maxTries: 3,
  tryTimeoutInMs: 5_000,
  retryDelayInMs: 500,
  maxRetryDelayInMs: 4_000,
};
/**
 * Well under the reminder takeover age (25 s): once storage answers again, an instance that sent a
 * reminder records it within this bound plus a second, before another instance, which waits for a claim
 * to stay unchanged for the takeover age, may take it over.
 */
export const DEFAULT_OPERATION_TIMEOUT_MS = 10_000;

const SUFFIX = '.json';
const CONTENT_TYPE = 'application/json';

/**
 * Keys become blob names path segment by path segment: '/' stays (so keys show as folders in Storage
 * Explorer), ASCII letters, digits, '-' and '_' stay, every other character becomes '~' and the two
 * upper-case hex digits of each of its UTF-8 bytes ('.' → '~2E', ':' → '~3A', 'å' → '~C3~A5').
 * '.json' is appended, so no name ends with '/' or '.', no segment is '.' or '..', and no '%' ever
 * reaches a URL. The encoding is character by character, so an encoded prefix is a prefix of the
 * encoded keys that start with it, and listing by prefix works on the encoded names.
 */
export function encodeKey(key: string): string {
  let name = '';
  for (const character of key) {
    if (/^[A-Za-z0-9_\-/]$/.test(character)) name += character;
    else for (const byte of Buffer.from(character, 'utf8')) name += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return name;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The inverse of encodeKey; undefined for a name encodeKey cannot have produced. */
export function decodeKey(name: string): string | undefined {
  const bytes: number[] = [];
  for (let index = 0; index < name.length; ) {
    const character = name[index] as string;
    if (character === '~') {
      const hex = name.slice(index + 1, index + 3);
      if (!/^[0-9A-F]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      index += 3;
    } else if (/^[A-Za-z0-9_\-/]$/.test(character)) {
      bytes.push(character.charCodeAt(0));
      index += 1;
    } else {
      return undefined;
    }
  }
  try {
    const key = decoder.decode(new Uint8Array(bytes));
    return encodeKey(key) === name ? key : undefined;
  } catch {
    return undefined;
  }
}

export function blobNameOf(key: string): string {
  return encodeKey(key) + SUFFIX;
}

function isRestError(error: unknown): error is RestError {
  return error instanceof RestError || (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'RestError');
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The stored value, or undefined for a body that is not UTF-8 JSON (an empty one included). */
function parseBody(body: Buffer): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(decoder.decode(body)) };
  } catch {
    return undefined;
  }
}

interface Downloaded {
  body: Buffer;
  eTag: string;
}

export class BlobDocumentStore implements DocumentStore {
  private readonly operationTimeoutInMs: number;
  private readonly onCorrupt: CorruptionListener | undefined;

  constructor(
    private readonly container: ContainerClient,
    options: Pick<BlobDocumentStoreOptions, 'operationTimeoutInMs' | 'onCorrupt'> = {},
  ) {
    this.operationTimeoutInMs = options.operationTimeoutInMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
    this.onCorrupt = options.onCorrupt;
  }

  /** Connects to a container (created if absent) with a storage connection string. */
  static async connect(connectionString: string, container: string, options: BlobDocumentStoreOptions = {}): Promise<BlobDocumentStore> {
    const service = BlobServiceClient.fromConnectionString(connectionString, {
      retryOptions: { ...DEFAULT_RETRY_OPTIONS, ...options.retryOptions },
    });
    const store = new BlobDocumentStore(service.getContainerClient(container), options);
    await store.container.createIfNotExists({ abortSignal: store.signal() });
    return store;
  }

  async get<T>(key: string): Promise<StoredDocument<T> | undefined> {
    const blob = await this.download(key);
    if (!blob) return undefined;
    const parsed = parseBody(blob.body);
    if (!parsed) throw new CorruptDocumentError(key, await this.setAside(key, blob));
    return { value: parsed.value as T, eTag: blob.eTag };
  }

  async put<T>(key: string, value: T, condition: { ifMatch?: string; ifNoneMatch?: '*' } = {}): Promise<string> {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`${key}: the value cannot be stored as JSON`);
    const body = Buffer.from(text, 'utf8');
    // As in the other stores: ifMatch '*' (or empty) puts no condition on the write.
    const ifMatch = condition.ifMatch && condition.ifMatch !== '*' ? condition.ifMatch : undefined;
    const ifNoneMatch = condition.ifNoneMatch === '*' ? '*' : undefined;
    try {
      const response = await this.container.getBlockBlobClient(blobNameOf(key)).upload(body, body.length, {
        blobHTTPHeaders: { blobContentType: CONTENT_TYPE },
        conditions: { ...(ifMatch ? { ifMatch } : {}), ...(ifNoneMatch ? { ifNoneMatch } : {}) },
        abortSignal: this.signal(),
      });
      if (!response.etag) throw new Error(`${key}: the storage answered without an eTag`);
      return response.etag;
    } catch (error) {
      if (isRestError(error) && (ifMatch || ifNoneMatch)) {
        // 412 ConditionNotMet: the eTag did not match (or the blob exists, as Azurite answers);
        // 409 BlobAlreadyExists: If-None-Match: * on an existing blob (as Azure answers);
        // 404 BlobNotFound with If-Match: there is nothing to update, i.e. it changed (was deleted).
        const precondition =
          error.statusCode === 412 ||
          (error.statusCode === 409 && error.code === 'BlobAlreadyExists') ||
          (error.statusCode === 404 && error.code === 'BlobNotFound' && ifMatch !== undefined);
        // A blob that is not JSON is refused here too (it exists, and no read ever handed out its eTag):
        // never taken for absent. The caller's next read sets it aside; it is not read here, since every
        // lost race between instances would then cost a download.
        if (precondition) throw new PreconditionFailedError(`${key} ${ifNoneMatch ? 'exists or ' : ''}changed`, { cause: error });
      }
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.container.getBlobClient(blobNameOf(key)).deleteIfExists({ abortSignal: this.signal() });
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const signal = this.signal();
    for await (const item of this.container.listBlobsFlat({ prefix: encodeKey(prefix), abortSignal: signal })) {
      if (!item.name.endsWith(SUFFIX)) continue;
      const key = decodeKey(item.name.slice(0, -SUFFIX.length));
      if (key !== undefined && key.startsWith(prefix)) keys.push(key);
    }
    return keys.sort();
  }

  private async download(key: string): Promise<Downloaded | undefined> {
    const blob = this.container.getBlobClient(blobNameOf(key));
    const signal = this.signal();
    try {
      const response = await blob.download(0, undefined, { abortSignal: signal });
      if (!response.etag) throw new Error(`blob ${blob.name} came without an eTag`);
      return { body: await readAll(response.readableStreamBody), eTag: response.etag };
    } catch (error) {
      if (isRestError(error) && error.statusCode === 404 && error.code !== 'ContainerNotFound') return undefined;
      throw error;
    }
  }

  /**
   * Copies an unreadable blob's bytes to 'corrupt/<encoded key>-<time>' (no '.json': no list returns it),
   * then removes it unless it was rewritten meanwhile (If-Match), and reports it. Returns the copy's name.
   */
  private async setAside(key: string, blob: Downloaded): Promise<string> {
    const movedTo = `corrupt/${encodeKey(key)}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await this.container.getBlockBlobClient(movedTo).upload(blob.body, blob.body.length, { abortSignal: this.signal() });
    try {
      await this.container.getBlobClient(blobNameOf(key)).delete({ conditions: { ifMatch: blob.eTag }, abortSignal: this.signal() });
    } catch (error) {
      // 412: rewritten meanwhile, the new document stays; 404: removed meanwhile.
      if (!(isRestError(error) && (error.statusCode === 412 || error.statusCode === 404))) throw error;
    }
    this.onCorrupt?.(key, movedTo);
    return movedTo;
  }

  private signal(): AbortSignal {
    return AbortSignal.timeout(this.operationTimeoutInMs);
  }
}
