// `npm run package`: builds the Teams app package appPackage/build/stimulansboten.zip and the resolved
// appPackage/build/manifest.json from the appPackage/ templates.
//
//   npm run package [-- --out <dir>] [--env-file <path> | --no-env-file]
//
// Variables come from the environment and from .env in the project root, read as `npm start` reads it
// (Node's parser; a variable in the environment wins, even an empty one):
// TEAMS_APP_ID (GUID, required), BOT_ID or MicrosoftAppId (GUID, required), BOT_DOMAIN (optional),
// APP_VERSION (optional, default package.json's version). Exit code 1 with one line per problem.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadEnvFile } from '../src/config.js';
import { buildAppPackage, DEFAULT_OUT_DIR, PACKAGE_FILE_NAME, PROJECT_ROOT } from './app-package.js';

const USAGE = 'usage: npm run package -- [--out <dir>] [--env-file <path> | --no-env-file]';

interface Args {
  outDir: string;
  envFile: string | null;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { outDir: DEFAULT_OUT_DIR, envFile: join(PROJECT_ROOT, '.env') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string | undefined => {
      const eq = arg.indexOf('=');
      if (eq >= 0) return arg.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return undefined;
      i++;
      return next;
    };
    const name = arg.split('=')[0];
    if (name === '--out') {
      const v = value();
      if (!v) return `--out needs a directory\n${USAGE}`;
      args.outDir = resolve(v);
    } else if (name === '--env-file') {
      const v = value();
      if (!v) return `--env-file needs a path\n${USAGE}`;
      args.envFile = resolve(v);
    } else if (arg === '--no-env-file') {
      args.envFile = null;
    } else if (arg === '--help' || arg === '-h') {
      return USAGE;
    } else {
      return `unknown argument: ${arg}\n${USAGE}`;
    }
  }
  return args;
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    const help = argv.includes('--help') || argv.includes('-h');
    (help ? console.log : console.error)(args);
    return help ? 0 : 1;
  }
  if (args.envFile !== null) loadEnvFile(args.envFile);
  const result = buildAppPackage({ env: process.env });
  if (result.problems.length > 0 || !result.zip || !result.manifest || !result.files) {
    for (const problem of result.problems) console.error(`error: ${problem}`);
    console.error(`The Teams app package was not built (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}).`);
    return 1;
  }
  mkdirSync(args.outDir, { recursive: true });
  const zipPath = join(args.outDir, PACKAGE_FILE_NAME);
  const manifestPath = join(args.outDir, 'manifest.json');
  writeFileSync(zipPath, result.zip);
  writeFileSync(manifestPath, `${JSON.stringify(result.manifest, null, 2)}\n`);

  const m = result.manifest;
  const bots = Array.isArray(m.bots) ? m.bots : [];
  const bot = bots[0] as { botId?: string } | undefined;
  const domains = Array.isArray(m.validDomains) && m.validDomains.length > 0 ? m.validDomains.join(', ') : 'none';
  console.log(`Teams app package: ${display(zipPath)} (${result.zip.length} bytes)`);
  console.log(`  manifest ${String(m.manifestVersion)}, version ${String(m.version)}, app id ${String(m.id)}, bot id ${bot?.botId ?? '-'}`);
  console.log(`  valid domains: ${domains}`);
  console.log(`  files: ${result.files.map((f) => f.name).join(', ')}`);
  console.log(`Resolved manifest: ${display(manifestPath)}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
