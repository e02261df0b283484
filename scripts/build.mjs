// `npm run build`: compiles src/ to dist/ with tsc (tsconfig.build.json, source maps on) and copies the
// knowledge files next to the code that reads them (dist/knowledge/data, dist/knowledge/sources), so
// `node --enable-source-maps dist/main.js` runs without a TypeScript loader and its stack traces name the
// .ts files. cards/ is read from the project root (dist/cards/expand.js looks in ../../cards/).
//
//   node scripts/build.mjs              build
//   node scripts/build.mjs --if-stale   build only when dist/ is missing or older than its inputs
//                                      (what `npm start` runs first, so a fresh clone just works)
//
// "Stale" is decided by a hash of every input (src/**, the tsconfig files, this script), written to
// dist/.inputs-hash by a build that succeeded: an edit, a deleted file or a branch switch all rebuild.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const HASH_FILE = join(DIST, '.inputs-hash');
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];
/** Read at run time by the compiled knowledge module, relative to itself. */
const KNOWLEDGE_FOLDERS = ['data', 'sources'];

/** The input's files, relative to the project root (a file is its own list). */
function filesOf(input) {
  const full = join(ROOT, input);
  if (!statSync(full).isDirectory()) return [input];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

function inputsHash() {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap(filesOf).sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(ROOT, file))).update('\0');
  return hash.digest('hex');
}

function isFresh(hash) {
  return existsSync(join(DIST, 'main.js')) && existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8').trim() === hash;
}

function build(hash) {
  rmSync(DIST, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  for (const folder of KNOWLEDGE_FOLDERS) cpSync(join(ROOT, 'src', 'knowledge', folder), join(DIST, 'knowledge', folder), { recursive: true });
  writeFileSync(HASH_FILE, `${hash}\n`);
}

const ifStale = process.argv.includes('--if-stale');
const hash = inputsHash();
if (ifStale && isFresh(hash)) process.exit(0);
if (ifStale) console.error(existsSync(DIST) ? 'dist/ is older than src/: building it (npm run build)…' : 'dist/ is missing: building it (npm run build)…');
try {
  build(hash);
} catch {
  // tsc has printed its errors; a half-built dist/ must not look fresh.
  rmSync(HASH_FILE, { force: true });
  console.error('build failed: see the TypeScript errors above');
  process.exit(1);
}
