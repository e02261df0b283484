import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  APP_PACKAGE_DIR,
  buildAppPackage,
  encodePng,
  PACKAGE_FILE_NAME,
  PROJECT_ROOT,
  projectVersion,
  readZip,
  validateLocalization,
  validateManifest,
  type JsonObject,
} from '../../scripts/app-package.js';
import { drawOutlineIcon } from '../../scripts/icons.js';
import { cleanEnv, TEST_ENV } from './helpers.js';
import { useTemporaryDirs } from '../support/temporary-dirs.js';

const PACKAGE_FILES = ['manifest.json', 'en.json', 'color.png', 'outline.png'];

const tempDir = useTemporaryDirs('stimulansboten-app');

/** A copy of appPackage/ (without build/) to break things in. */
function appDirCopy(): string {
  const dir = tempDir();
  for (const name of readdirSync(APP_PACKAGE_DIR)) {
    if (/\.(json|png)$/.test(name)) copyFileSync(join(APP_PACKAGE_DIR, name), join(dir, name));
  }
  return dir;
}

describe('buildAppPackage', () => {
  const result = buildAppPackage({ env: { ...TEST_ENV } });

  it('builds with valid variables', () => {
    expect(result.problems).toEqual([]);
    expect(result.zip).toBeInstanceOf(Buffer);
    expect(result.files?.map((f) => f.name)).toEqual(PACKAGE_FILES);
  });

  it('the zip has exactly manifest.json, en.json, color.png and outline.png at the root', async () => {
    const entries = readZip(result.zip!);
    expect(entries.map((e) => e.name)).toEqual(PACKAGE_FILES);
    // the same, read by an independent implementation that checks every entry's CRC
    const zip = await JSZip.loadAsync(result.zip!, { checkCRC32: true });
    expect(Object.keys(zip.files).sort()).toEqual([...PACKAGE_FILES].sort());
    for (const name of ['color.png', 'outline.png']) {
      expect(Buffer.from(await zip.file(name)!.async('uint8array')).equals(readFileSync(join(APP_PACKAGE_DIR, name)))).toBe(true);
    }
  });

  it("the zip's manifest and localization are resolved and valid", async () => {
    const zip = await JSZip.loadAsync(result.zip!);
    const manifestText = await zip.file('manifest.json')!.async('string');
    const englishText = await zip.file('en.json')!.async('string');
    expect(manifestText).not.toContain('${{');
    expect(englishText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as JsonObject;
    expect(manifest).toEqual(result.manifest);
    expect(manifest.id).toBe(TEST_ENV.TEAMS_APP_ID);
    expect(manifest.version).toBe(projectVersion());
    expect(manifest.validDomains).toEqual([]);
    expect(validateManifest(manifest)).toEqual([]);
    expect(validateLocalization(JSON.parse(englishText) as JsonObject, manifest, 'en.json')).toEqual([]);
    // The organisation's own pages, from the variables: no third party's domain.
    expect(manifest.developer).toMatchObject({ websiteUrl: TEST_ENV.DEVELOPER_WEBSITE_URL, privacyUrl: TEST_ENV.PRIVACY_URL, termsOfUseUrl: TEST_ENV.TERMS_OF_USE_URL });
  });

  it('is reproducible byte for byte', () => {
    expect(buildAppPackage({ env: { ...TEST_ENV } }).zip!.equals(result.zip!)).toBe(true);
  });

  it('reports missing variables once each and builds nothing', () => {
    const failed = buildAppPackage({ env: {} });
    expect(failed.zip).toBeUndefined();
    expect(failed.problems).toEqual([
      expect.stringMatching(/^TEAMS_APP_ID is not set/),
      expect.stringMatching(/^BOT_ID is not set \(nor MicrosoftAppId\)/),
      expect.stringMatching(/^DEVELOPER_WEBSITE_URL is not set: the https address of the publisher’s page about the app/),
      expect.stringMatching(/^PRIVACY_URL is not set: the https address of the app’s privacy statement/),
      expect.stringMatching(/^TERMS_OF_USE_URL is not set: the https address of the app’s terms of use/),
    ]);
  });

  it('reports an unresolved placeholder in the template', () => {
    const dir = appDirCopy();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as JsonObject;
    (manifest.developer as JsonObject).websiteUrl = '${{SUPPORT_SITE}}';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const failed = buildAppPackage({ env: { ...TEST_ENV }, appDir: dir });
    expect(failed.problems).toEqual([
      'manifest.json: placeholder ${{SUPPORT_SITE}} at developer.websiteUrl has no value (set SUPPORT_SITE in the environment or .env)',
    ]);
    expect(buildAppPackage({ env: { ...TEST_ENV, SUPPORT_SITE: 'https://stimulansboten.example.se/hjalp' }, appDir: dir }).problems).toEqual([]);
  });

  it('reports schema errors, a missing translation file and a bad outline icon together', () => {
    const dir = appDirCopy();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as JsonObject;
    manifest.accentColor = '#12345';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    rmSync(join(dir, 'en.json'));
    const red = drawOutlineIcon();
    for (let i = 0; i < red.data.length; i += 4) red.data.set([255, 0, 0], i);
    writeFileSync(join(dir, 'outline.png'), encodePng(red));
    const failed = buildAppPackage({ env: { ...TEST_ENV }, appDir: dir });
    expect(failed.zip).toBeUndefined();
    expect(failed.problems).toEqual([
      `en.json: not found in ${dir}`,
      'manifest.json: accentColor "#12345" does not match the pattern ^#[0-9a-fA-F]{6}$',
      expect.stringMatching(/^outline\.png: \d+ visible pixels are not white \(first at x=\d+, y=\d+: rgba\(255, 0, 0, \d+\)\); the outline icon must be white on a transparent background$/),
    ]);
  });
});

describe('npm run package', () => {
  const run = (args: string[], env: Record<string, string | undefined>) =>
    spawnSync('npm', ['run', '--silent', 'package', '--', ...args], { cwd: PROJECT_ROOT, env, encoding: 'utf8', timeout: 120_000 });

  it('exits 0 with valid variables and writes the zip and the resolved manifest to --out', () => {
    const out = join(tempDir(), 'build');
    const r = run(['--out', out, '--no-env-file'], { ...cleanEnv(), ...TEST_ENV, BOT_DOMAIN: 'stimulansboten.azurewebsites.net' });
    expect(r.stderr.replace(/^npm (warn|notice)\b.*\n/gm, '')).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(PACKAGE_FILE_NAME);
    expect(readZip(readFileSync(join(out, PACKAGE_FILE_NAME))).map((e) => e.name)).toEqual(PACKAGE_FILES);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as JsonObject;
    expect(manifest.validDomains).toEqual(['stimulansboten.azurewebsites.net']);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('exits 1 without the variables, one line per problem, and writes nothing', () => {
    const out = join(tempDir(), 'build');
    const r = run(['--out', out, '--no-env-file'], cleanEnv());
    expect(r.status).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toEqual([
      expect.stringMatching(/^error: TEAMS_APP_ID is not set/),
      expect.stringMatching(/^error: BOT_ID is not set \(nor MicrosoftAppId\)/),
      expect.stringMatching(/^error: DEVELOPER_WEBSITE_URL is not set/),
      expect.stringMatching(/^error: PRIVACY_URL is not set/),
      expect.stringMatching(/^error: TERMS_OF_USE_URL is not set/),
    ]);
    expect(r.stderr).toContain('The Teams app package was not built (5 problems).');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 for a non-GUID', () => {
    const r = run(['--out', join(tempDir(), 'build'), '--no-env-file'], { ...cleanEnv(), TEAMS_APP_ID: 'min-app', MicrosoftAppId: TEST_ENV.BOT_ID });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: TEAMS_APP_ID is not a GUID: "min-app"/m);
  });

  it('reads a .env file, and the environment wins over it', () => {
    const dir = tempDir();
    const envFile = join(dir, '.env');
    writeFileSync(envFile, `# test\nTEAMS_APP_ID=not-a-guid\nMicrosoftAppId=${TEST_ENV.BOT_ID}\nAPP_VERSION=2.0.1\n`);
    const out = join(dir, 'build');
    const { DEVELOPER_WEBSITE_URL, PRIVACY_URL, TERMS_OF_USE_URL } = TEST_ENV;
    const r = run(['--out', out, '--env-file', envFile], { ...cleanEnv(), TEAMS_APP_ID: TEST_ENV.TEAMS_APP_ID, DEVELOPER_WEBSITE_URL, PRIVACY_URL, TERMS_OF_USE_URL });
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as JsonObject;
    expect(manifest).toMatchObject({ id: TEST_ENV.TEAMS_APP_ID, version: '2.0.1' });
  });
});
