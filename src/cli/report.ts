// npm run report -- --since 2026-01-01 [--json] [--lang en]
// What the documents lack: unanswered questions and 👎 answers grouped by topic, place and fund, and
// the coordinator tickets, read from the store the bot uses (STORAGE, STORAGE_DIR, BLOB_CONNECTION_STRING,
// BLOB_CONTAINER, as src/app.ts reads them).
import { resolve } from 'node:path';
import { readConfig, type Config } from '../config.js';
import { reportFromStore } from '../coordinator/report-store.js';
import { reportText } from '../coordinator/report-text.js';
import { BlobDocumentStore } from '../platform/blob-store.js';
import { FileDocumentStore, type DocumentStore } from '../platform/file-store.js';

const USAGE = 'Usage: npm run report -- --since YYYY-MM-DD [--json] [--lang sv|en]';

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

async function openStore(config: Config): Promise<DocumentStore> {
  if (config.STORAGE === 'blob') {
    if (!config.BLOB_CONNECTION_STRING) throw new Error('STORAGE=blob needs BLOB_CONNECTION_STRING');
    return BlobDocumentStore.connect(config.BLOB_CONNECTION_STRING, config.BLOB_CONTAINER);
  }
  return new FileDocumentStore(resolve(config.STORAGE_DIR));
}

async function main(argv: string[]): Promise<number> {
  const since = option(argv, '--since');
  const lang = option(argv, '--lang') ?? 'sv';
  if (!since || !/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since)) || (lang !== 'sv' && lang !== 'en')) {
    console.error(USAGE);
    return 2;
  }
  const report = await reportFromStore(await openStore(readConfig()), since);
  console.log(argv.includes('--json') ? JSON.stringify(report, null, 2) : reportText(report, lang));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message.split('\n')[0] : String(error));
    process.exit(1);
  },
);
