import { describe, expect, it } from 'vitest';
import {
  availableManifestVersions,
  findPlaceholders,
  loadTeamsSchema,
  localizableKeys,
  projectVersion,
  resolveManifest,
  resolvePlaceholders,
  resolveVariables,
  schemaUrl,
  validateLocalization,
  validateManifest,
  type JsonObject,
} from '../../scripts/app-package.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvFile } from '../../src/config.js';
import { ACCENT_COLOR } from '../../scripts/icons.js';
import { asArray, asObject, clone, get, readAppJson, TEST_ENV, TEST_VARS } from './helpers.js';

const template = readAppJson('manifest.json');
const english = readAppJson('en.json');

function resolved(vars: Record<string, string> = TEST_VARS): JsonObject {
  const { manifest, problems } = resolveManifest(template, vars);
  expect(problems).toEqual([]);
  return manifest;
}

/** The schema's limit on commands per commandList for the manifest's version. */
function commandLimit(version: string): number {
  const schema = loadTeamsSchema('manifest', version);
  return get(schema, 'properties', 'bots', 'items', 'properties', 'commandLists', 'items', 'properties', 'commands', 'maxItems') as number;
}

describe('manifest template', () => {
  it('uses the newest manifest version whose schema ships in @microsoft/app-manifest (1.19 or newer)', () => {
    const versions = availableManifestVersions();
    const newest = versions[versions.length - 1]!;
    expect(template.manifestVersion).toBe(newest);
    const [major, minor] = newest.split('.').map(Number);
    expect(major! > 1 || minor! >= 19).toBe(true);
    expect(template.$schema).toBe(schemaUrl('manifest', newest));
    expect(english.$schema).toBe(schemaUrl('localization', newest));
  });

  it('has the placeholders for the app id, bot id, domain, version and developer pages', () => {
    const names = new Set(findPlaceholders(template).map((p) => p.name));
    expect([...names].sort()).toEqual(['APP_VERSION', 'BOT_DOMAIN', 'BOT_ID', 'DEVELOPER_WEBSITE_URL', 'PRIVACY_URL', 'TEAMS_APP_ID', 'TERMS_OF_USE_URL']);
    expect(template.id).toBe('${{TEAMS_APP_ID}}');
    expect(template.version).toBe('${{APP_VERSION}}');
    expect(get(template, 'bots', 0, 'botId')).toBe('${{BOT_ID}}');
    expect(get(template, 'composeExtensions', 0, 'botId')).toBe('${{BOT_ID}}');
    expect(findPlaceholders(english)).toEqual([]);
  });

  it('resolved with test values, validates against the official schema of its version', () => {
    const manifest = resolved();
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(validateManifest(manifest)).toEqual([]);
    expect(manifest.id).toBe(TEST_ENV.TEAMS_APP_ID);
    expect(manifest.version).toBe('1.2.3');
    expect(get(manifest, 'bots', 0, 'botId')).toBe(TEST_ENV.BOT_ID);
    expect(get(manifest, 'composeExtensions', 0, 'botId')).toBe(TEST_ENV.BOT_ID);
  });

  it('validDomains is [] without BOT_DOMAIN and [BOT_DOMAIN] with it', () => {
    expect(resolved().validDomains).toEqual([]);
    const withDomain = resolved({ ...TEST_VARS, BOT_DOMAIN: 'stimulansboten.azurewebsites.net' });
    expect(withDomain.validDomains).toEqual(['stimulansboten.azurewebsites.net']);
    expect(validateManifest(withDomain)).toEqual([]);
  });

  it('is Swedish by default with an English localization file', () => {
    expect(template.localizationInfo).toEqual({
      defaultLanguageTag: 'sv-SE',
      // Language only: every English client (en-US, en-GB, …) gets the English texts.
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
    expect(get(template, 'name', 'short')).toBe('Stimulansboten');
    expect(get(template, 'name', 'full')).toBe('Stimulansboten – psykisk hälsa och suicidprevention');
    expect((get(template, 'description', 'short') as string).length).toBeLessThanOrEqual(80);
    expect((get(template, 'description', 'full') as string).length).toBeLessThanOrEqual(4000);
    expect(get(template, 'description', 'full')).toContain('suicidprevention');
    expect(english['name.full']).toBe('Stimulansboten – mental health and suicide prevention');
  });

  it('has a bot for personal, team and group chat with a command list for each scope', () => {
    const bot = asObject(get(template, 'bots', 0));
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.supportsFiles).toBe(false);
    const lists = asArray(get(bot, 'commandLists')).map(asObject);
    expect(lists.flatMap((l) => asArray(l.scopes!)).sort()).toEqual(['groupChat', 'personal', 'team']);
    const limit = Math.min(10, commandLimit(template.manifestVersion as string));
    for (const list of lists) {
      const commands = asArray(list.commands!).map(asObject);
      expect(commands.length).toBeGreaterThan(0);
      expect(commands.length).toBeLessThanOrEqual(limit);
      const titles = commands.map((c) => c.title);
      expect(new Set(titles).size).toBe(titles.length);
      for (const q of ['Hur mycket får Mora?', 'När ska fakturan skickas?', 'Vilken referenskod ska stå på fakturan?', 'Vilka kommuner får mest?', 'Vilka deadlines är på gång?', 'hjälp']) {
        expect(titles).toContain(q);
      }
      for (const c of commands) expect(typeof c.description).toBe('string');
    }
  });

  it('has the bot-based search message extension "lookup"', () => {
    const ext = asObject(get(template, 'composeExtensions', 0));
    expect(ext.composeExtensionType).toBe('botBased');
    expect(asArray(ext.commands!)).toHaveLength(1);
    expect(get(ext, 'commands', 0)).toMatchObject({
      id: 'lookup',
      type: 'query',
      title: 'Sök i stimulansmedlen',
      initialRun: true,
      context: ['compose', 'commandBox'],
      parameters: [{ name: 'query', title: 'Sök', description: 'Ort, faktura, referenskod, deadline …' }],
    });
  });

  it('has developer info, accent colour, icons and no permissions', () => {
    const dev = asObject(template.developer!);
    expect(dev.name).toBe('Stimulansboten-teamet');
    // From variables: the publishing organisation's own pages, never a made-up domain.
    expect(dev).toMatchObject({ websiteUrl: '${{DEVELOPER_WEBSITE_URL}}', privacyUrl: '${{PRIVACY_URL}}', termsOfUseUrl: '${{TERMS_OF_USE_URL}}' });
    expect(template.accentColor).toBe(ACCENT_COLOR);
    expect(template.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(template.permissions).toEqual([]);
    expect(template.isFullScreen).toBeUndefined();
  });
});

describe('en localization', () => {
  it('validates against the localization schema and covers every localizable string', () => {
    expect(validateLocalization(english, resolved(), 'en.json')).toEqual([]);
    expect(Object.keys(english).filter((k) => k !== '$schema').sort()).toEqual(localizableKeys(resolved()).sort());
  });

  it('is in English', () => {
    expect(english['bots[0].commandLists[0].commands[0].title']).toBe('How much does Mora get?');
    expect(english['composeExtensions[0].commands[0].title']).toBe('Search the stimulus funds');
    expect(english['composeExtensions[0].commands[0].parameters[0].title']).toBe('Search');
    for (const [key, value] of Object.entries(english)) {
      if (key === '$schema' || key === 'name.short') continue;
      expect(value, key).not.toMatch(/\b(Hur|Vilk\w+|När|faktura|hjälp|och|för|får|finns)\b/u);
    }
  });

  it('fails with readable errors for a too long title, an unknown key and a missing translation', () => {
    const loc = clone(english);
    loc['composeExtensions[0].commands[0].title'] = 'x'.repeat(40);
    loc['bots[0].commandLists[0].commands[11].title'] = 'No such command';
    delete loc['description.short'];
    const problems = validateLocalization(loc, resolved(), 'en.json');
    expect(problems).toContain('en.json: ["composeExtensions[0].commands[0].title"] is 40 characters long, at most 32 allowed');
    expect(problems).toContain('en.json: (top level) is missing the required property "description.short"');
    expect(problems).toContain('en.json: key "bots[0].commandLists[0].commands[11].title" has no matching string in manifest.json');
    expect(problems).toContain('en.json: missing translation for "description.short"');
  });
});

describe('invalid manifests fail validation with readable errors', () => {
  it('a command list with more commands than the schema allows', () => {
    const manifest = resolved();
    const limit = commandLimit(manifest.manifestVersion as string);
    const list = asObject(get(manifest, 'bots', 0, 'commandLists', 0));
    list.commands = Array.from({ length: limit + 1 }, (_, i) => ({ title: `Fråga ${i + 1}` }));
    expect(validateManifest(manifest)).toEqual([
      `manifest.json: bots[0].commandLists[0].commands has ${limit + 1} items, at most ${limit} allowed`,
    ]);
  });

  it('a bot without botId', () => {
    const manifest = resolved();
    delete asObject(get(manifest, 'bots', 0)).botId;
    expect(validateManifest(manifest)).toEqual(['manifest.json: bots[0] is missing the required property "botId"']);
  });

  it('a message extension whose botId is not the bot', () => {
    const manifest = resolved();
    asObject(get(manifest, 'composeExtensions', 0)).botId = '00000000-0000-0000-0000-000000000000';
    expect(validateManifest(manifest)).toEqual([
      'manifest.json: composeExtensions[0].botId "00000000-0000-0000-0000-000000000000" is not the id of the app\'s bot',
    ]);
  });

  it('several errors at once: bad colour, unknown property, bad scope, long short name', () => {
    const manifest = resolved();
    manifest.accentColor = 'teal';
    manifest.isFancy = true;
    asObject(get(manifest, 'bots', 0)).scopes = ['personal', 'channel'];
    asObject(get(manifest, 'name')).short = 'Stimulansboten för psykisk hälsa';
    expect(validateManifest(manifest).sort()).toEqual(
      [
        'manifest.json: (top level) has a property the schema does not allow: "isFancy"',
        'manifest.json: accentColor "teal" does not match the pattern ^#[0-9a-fA-F]{6}$',
        'manifest.json: bots[0].scopes[1] "channel" is not one of "team", "personal", "groupChat", "copilot"',
        'manifest.json: name.short is 32 characters long, at most 30 allowed',
      ].sort(),
    );
  });

  it('is validated against the schema of its own manifestVersion, which must match $schema', () => {
    const manifest = resolved();
    manifest.manifestVersion = '1.19';
    const problems = validateManifest(manifest);
    // 1.19 allowed command titles of at most 32 characters (1.21 raised it to 128).
    expect(problems).toContain('manifest.json: bots[0].commandLists[0].commands[8].title is 51 characters long, at most 32 allowed');
    expect(problems).toContain(
      `manifest.json: $schema names version ${template.manifestVersion as string} but manifestVersion is 1.19 (use ${schemaUrl('manifest', '1.19')})`,
    );
  });

  it('an unknown manifest version', () => {
    const manifest = resolved();
    manifest.manifestVersion = '9.99';
    expect(validateManifest(manifest)[0]).toMatch(/^manifest\.json: @microsoft\/app-manifest has no manifest schema for version 9\.99 \(it has 1\.0 … 1\.\d+\)$/);
  });

  it('a non-GUID app id that got past the variables', () => {
    const manifest = resolved();
    manifest.id = 'stimulansboten';
    expect(validateManifest(manifest)).toEqual([
      'manifest.json: id "stimulansboten" does not match the pattern ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$',
    ]);
  });
});

describe('variables', () => {
  const defaults = { appVersion: '0.1.0' };

  it('developer pages missing or not https: one clear line each', () => {
    const ids = { TEAMS_APP_ID: TEST_ENV.TEAMS_APP_ID, BOT_ID: TEST_ENV.BOT_ID };
    expect(resolveVariables(ids, defaults).problems).toEqual([
      expect.stringMatching(/^DEVELOPER_WEBSITE_URL is not set: the https address of the publisher’s page about the app/),
      expect.stringMatching(/^PRIVACY_URL is not set: the https address of the app’s privacy statement/),
      expect.stringMatching(/^TERMS_OF_USE_URL is not set: the https address of the app’s terms of use/),
    ]);
    const { problems } = resolveVariables({ ...TEST_ENV, PRIVACY_URL: 'http://www.region.test/integritet', TERMS_OF_USE_URL: 'villkor' }, defaults);
    expect(problems).toEqual([
      'PRIVACY_URL is not an https address: "http://www.region.test/integritet" (the https address of the app’s privacy statement)',
      'TERMS_OF_USE_URL is not an https address: "villkor" (the https address of the app’s terms of use)',
    ]);
  });

  it('BOT_ID and TEAMS_APP_ID missing: one clear line each', () => {
    const { problems } = resolveVariables({}, defaults);
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^TEAMS_APP_ID is not set: the Teams app id, a GUID/);
    expect(problems[1]).toBe('BOT_ID is not set (nor MicrosoftAppId): the Microsoft App ID of the Azure Bot registration, a GUID');
  });

  it('each one missing alone', () => {
    expect(resolveVariables({ ...TEST_ENV, TEAMS_APP_ID: undefined }, defaults).problems).toEqual([expect.stringMatching(/^TEAMS_APP_ID is not set/)]);
    expect(resolveVariables({ ...TEST_ENV, BOT_ID: '  ' }, defaults).problems).toEqual([
      expect.stringMatching(/^BOT_ID is not set \(nor MicrosoftAppId\)/),
    ]);
  });

  it('MicrosoftAppId stands in for BOT_ID; BOT_ID wins when both are set', () => {
    const fallback = resolveVariables({ ...TEST_ENV, BOT_ID: undefined, MicrosoftAppId: TEST_ENV.BOT_ID }, defaults);
    expect(fallback.problems).toEqual([]);
    expect(fallback.vars.BOT_ID).toBe(TEST_ENV.BOT_ID);
    const both = resolveVariables({ ...TEST_ENV, MicrosoftAppId: '99999999-9999-4999-8999-999999999999' }, defaults);
    expect(both.vars.BOT_ID).toBe(TEST_ENV.BOT_ID);
  });

  it('non-GUIDs fail with the value and the expected form', () => {
    const { problems } = resolveVariables({ ...TEST_ENV, BOT_ID: undefined, TEAMS_APP_ID: 'stimulansboten', MicrosoftAppId: '1234' }, defaults);
    expect(problems).toEqual([
      expect.stringMatching(/^TEAMS_APP_ID is not a GUID: "stimulansboten" \(expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/),
      expect.stringMatching(/^MicrosoftAppId is not a GUID: "1234" \(expected/),
    ]);
  });

  it('BOT_DOMAIN must be a host name; APP_VERSION must be MAJOR.MINOR.PATCH', () => {
    const { problems } = resolveVariables({ ...TEST_ENV, BOT_DOMAIN: 'https://bot.example.se/api', APP_VERSION: '1.0' }, defaults);
    expect(problems).toEqual([
      expect.stringMatching(/^BOT_DOMAIN is not a host name: "https:\/\/bot\.example\.se\/api"/),
      'APP_VERSION is not MAJOR.MINOR.PATCH as Teams requires: "1.0"',
    ]);
    const ok = resolveVariables({ ...TEST_ENV, BOT_DOMAIN: 'Bot.Example.se', APP_VERSION: '2.10.0' }, defaults);
    expect(ok.problems).toEqual([]);
    expect(ok.vars).toMatchObject({ BOT_DOMAIN: 'bot.example.se', APP_VERSION: '2.10.0' });
  });

  it("APP_VERSION defaults to package.json's version", () => {
    const { vars, problems } = resolveVariables({ ...TEST_ENV }, { appVersion: projectVersion() });
    expect(problems).toEqual([]);
    expect(vars.APP_VERSION).toBe(projectVersion());
  });

  it('an unresolved placeholder is reported with its place and name', () => {
    const { value, problems, unresolved } = resolvePlaceholders({ a: ['x ${{ NOT_SET }} y'], b: '${{broken' }, {}, 'manifest.json');
    expect(unresolved).toEqual(['NOT_SET']);
    expect(problems).toEqual([
      'manifest.json: placeholder ${{ NOT_SET }} at a[0] has no value (set NOT_SET in the environment or .env)',
      'manifest.json: malformed placeholder at b: "${{broken"',
    ]);
    expect(value).toEqual({ a: ['x ${{ NOT_SET }} y'], b: '${{broken' });
  });

  it('any other ${{NAME}} comes from the environment', () => {
    const { vars } = resolveVariables({ ...TEST_ENV, SUPPORT_URL: 'https://x.example.se' }, defaults);
    expect(resolvePlaceholders({ url: '${{SUPPORT_URL}}/hjälp' }, vars).value).toEqual({ url: 'https://x.example.se/hjälp' });
  });
});

describe('.env', () => {
  // The one loader `npm start`, `npm run dev` and `npm run package` share (Node's own parser).
  it('reads a .env file, keeps what the environment already has (even empty), and is fine without a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stimulansboten-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, ['# comment', 'STB_TEST_A=file', 'STB_TEST_B="quoted value"', 'STB_TEST_C=file', 'STB_TEST_D=file'].join('\n'));
    process.env.STB_TEST_C = 'env';
    process.env.STB_TEST_D = '';
    try {
      expect(loadEnvFile(file)).toBe(true);
      expect([process.env.STB_TEST_A, process.env.STB_TEST_B, process.env.STB_TEST_C, process.env.STB_TEST_D]).toEqual(['file', 'quoted value', 'env', '']);
      expect(loadEnvFile(join(dir, 'missing.env'))).toBe(false);
    } finally {
      for (const key of ['STB_TEST_A', 'STB_TEST_B', 'STB_TEST_C', 'STB_TEST_D']) delete process.env[key];
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
