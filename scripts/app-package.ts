// The Teams app package of Stimulansboten: resolving the manifest template's ${{VAR}} placeholders,
// validating manifest and localization files against the official schemas shipped in
// @microsoft/app-manifest, checking the icons, and zipping it all. Pure functions plus one
// `buildAppPackage` that reads appPackage/ (no writing: scripts/package.ts writes the result).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { decodePng, PngError } from './png.js';
import { createZip } from './zip.js';

export { decodePng, encodePng, readPngHeader, PNG_SIGNATURE, PngError, type PngHeader, type RgbaImage } from './png.js';
export { createZip, readZip, ZipError, type ZipEntry } from './zip.js';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const APP_PACKAGE_DIR = join(PROJECT_ROOT, 'appPackage');
export const DEFAULT_OUT_DIR = join(APP_PACKAGE_DIR, 'build');
export const PACKAGE_FILE_NAME = 'stimulansboten.zip';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

export type Env = Record<string, string | undefined>;
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const DOMAIN = /^(\*\.)?(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** The variables resolveVariables works out (any other ${{NAME}} comes straight from the environment). */
export const PACKAGE_VARIABLES = ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', 'APP_VERSION', 'DEVELOPER_WEBSITE_URL', 'PRIVACY_URL', 'TERMS_OF_USE_URL'] as const;

/** The publisher's pages the manifest links to (Teams shows them in the app's details): the organisation's own. */
export const DEVELOPER_URLS = {
  DEVELOPER_WEBSITE_URL: 'the https address of the publisher’s page about the app',
  PRIVACY_URL: 'the https address of the app’s privacy statement',
  TERMS_OF_USE_URL: 'the https address of the app’s terms of use',
} as const;
const NEW_GUID_HINT = 'create one with: node -e "console.log(crypto.randomUUID())"';

// ---------------------------------------------------------------------------------------------
// Environment and variables

/** The values that the manifest's placeholders take, with the problems found on the way. */
export interface ResolvedVariables {
  /** Every non-empty environment variable plus the package variables (BOT_DOMAIN may be ''). */
  vars: Record<string, string>;
  problems: string[];
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && DOMAIN.test(url.hostname);
  } catch {
    return false;
  }
}

function envValue(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/**
 * Works out the package variables from the environment:
 * - TEAMS_APP_ID (required, a GUID): the Teams app's own id, the same for every version.
 * - BOT_ID, or else MicrosoftAppId (required, a GUID): the Azure Bot registration's app id.
 * - BOT_DOMAIN (optional, a host name): then validDomains is [BOT_DOMAIN], else [].
 * - APP_VERSION (optional, MAJOR.MINOR.PATCH): defaults to package.json's version.
 */
export function resolveVariables(env: Env, defaults: { appVersion?: string } = {}): ResolvedVariables {
  const problems: string[] = [];
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') vars[key] = value.trim();
  }

  const appId = envValue(env, 'TEAMS_APP_ID');
  if (appId === undefined) {
    problems.push(`TEAMS_APP_ID is not set: the Teams app id, a GUID that stays the same for every version of the app (${NEW_GUID_HINT} once, and keep it)`);
  } else if (!GUID.test(appId)) {
    problems.push(`TEAMS_APP_ID is not a GUID: ${JSON.stringify(appId)} (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx; ${NEW_GUID_HINT})`);
  } else {
    vars.TEAMS_APP_ID = appId;
  }

  const botIdFrom = envValue(env, 'BOT_ID') !== undefined ? 'BOT_ID' : 'MicrosoftAppId';
  const botId = envValue(env, botIdFrom);
  if (botId === undefined) {
    problems.push('BOT_ID is not set (nor MicrosoftAppId): the Microsoft App ID of the Azure Bot registration, a GUID');
  } else if (!GUID.test(botId)) {
    problems.push(`${botIdFrom} is not a GUID: ${JSON.stringify(botId)} (expected the Azure Bot registration's Microsoft App ID, xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
  } else {
    vars.BOT_ID = botId;
  }

  const domain = envValue(env, 'BOT_DOMAIN');
  if (domain === undefined) {
    vars.BOT_DOMAIN = '';
  } else if (!DOMAIN.test(domain)) {
    problems.push(`BOT_DOMAIN is not a host name: ${JSON.stringify(domain)} (expected e.g. stimulansboten.azurewebsites.net, without https:// or a path; leave it unset for no valid domains)`);
  } else {
    vars.BOT_DOMAIN = domain.toLowerCase();
  }

  for (const [name, what] of Object.entries(DEVELOPER_URLS)) {
    const url = envValue(env, name);
    if (url === undefined) problems.push(`${name} is not set: ${what}, e.g. https://www.region.se/stimulansboten (set it in the environment or .env)`);
    else if (!isHttpsUrl(url)) problems.push(`${name} is not an https address: ${JSON.stringify(url)} (${what})`);
    else vars[name] = url;
  }

  const versionFromEnv = envValue(env, 'APP_VERSION');
  const version = versionFromEnv ?? defaults.appVersion;
  if (version === undefined) {
    problems.push('APP_VERSION is not set and package.json has no version');
  } else if (!SEMVER.test(version)) {
    problems.push(`${versionFromEnv !== undefined ? 'APP_VERSION' : "package.json's version"} is not MAJOR.MINOR.PATCH as Teams requires: ${JSON.stringify(version)}`);
  } else {
    vars.APP_VERSION = version;
  }
  return { vars, problems };
}

// ---------------------------------------------------------------------------------------------
// Placeholders

function pathToString(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(top level)' : out;
}

/** Every `${{NAME}}` placeholder in a JSON value, with where it is. */
export function findPlaceholders(value: Json): { name: string; at: string }[] {
  const found: { name: string; at: string }[] = [];
  const walk = (v: Json, path: (string | number)[]): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(PLACEHOLDER)) found.push({ name: m[1]!, at: pathToString(path) });
      if (v.replace(PLACEHOLDER, '').includes('${{')) found.push({ name: v, at: pathToString(path) });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) walk(item, [...path, k]);
    }
  };
  walk(value, []);
  return found;
}

/**
 * Replaces every `${{NAME}}` in the strings of a JSON value (keys included) with vars[NAME].
 * A placeholder without a value is left in place and reported, as is any `${{` left over.
 */
export function resolvePlaceholders<T extends Json>(
  template: T,
  vars: Record<string, string>,
  file = 'manifest.json',
  /** Names whose missing value was reported elsewhere: counted in `unresolved`, not in `problems`. */
  alreadyReported: ReadonlySet<string> = new Set(),
): { value: T; problems: string[]; unresolved: string[] } {
  const problems: string[] = [];
  const unresolved: string[] = [];
  const replace = (s: string, path: (string | number)[]): string => {
    const out = s.replace(PLACEHOLDER, (whole, name: string) => {
      const v = vars[name];
      if (v === undefined) {
        unresolved.push(name);
        if (!alreadyReported.has(name)) problems.push(`${file}: placeholder ${whole} at ${pathToString(path)} has no value (set ${name} in the environment or .env)`);
        return whole;
      }
      return v;
    });
    if (s.replace(PLACEHOLDER, '').includes('${{')) {
      problems.push(`${file}: malformed placeholder at ${pathToString(path)}: ${JSON.stringify(s)}`);
    }
    return out;
  };
  const walk = (v: Json, path: (string | number)[]): Json => {
    if (typeof v === 'string') return replace(v, path);
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, i]));
    if (v !== null && typeof v === 'object') {
      const out: JsonObject = {};
      for (const [k, item] of Object.entries(v)) out[replace(k, path)] = walk(item, [...path, k]);
      return out;
    }
    return v;
  };
  return { value: walk(template, []) as T, problems, unresolved };
}

/**
 * Resolves the manifest template. An optional placeholder that resolved to '' (BOT_DOMAIN unset)
 * leaves an empty entry in validDomains, which is dropped.
 */
export function resolveManifest(
  template: JsonObject,
  vars: Record<string, string>,
  alreadyReported: ReadonlySet<string> = new Set(),
): { manifest: JsonObject; problems: string[]; unresolved: string[] } {
  const { value, problems, unresolved } = resolvePlaceholders(template, vars, 'manifest.json', alreadyReported);
  if (Array.isArray(value.validDomains)) value.validDomains = value.validDomains.filter((d) => d !== '');
  return { manifest: value, problems, unresolved };
}

// ---------------------------------------------------------------------------------------------
// Schemas

export type SchemaKind = 'manifest' | 'localization';

const SCHEMA_FILES: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

/** The folder of @microsoft/app-manifest's Teams schemas (one v<version>/ folder per version). */
export function teamsSchemaDir(): string {
  const pkg = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
  return join(dirname(pkg), 'build', 'json-schemas', 'teams');
}

/** The manifest versions whose schemas ship in @microsoft/app-manifest, oldest first. */
export function availableManifestVersions(): string[] {
  return readdirSync(teamsSchemaDir())
    .filter((d) => /^v\d+\.\d+$/.test(d) && existsSync(join(teamsSchemaDir(), d, SCHEMA_FILES.manifest)))
    .map((d) => d.slice(1))
    .sort((a, b) => {
      const [a1, a2] = a.split('.').map(Number);
      const [b1, b2] = b.split('.').map(Number);
      return a1! - b1! || a2! - b2!;
    });
}

/** The schema's folder name for a manifestVersion ("1.30" → v1.30, "devPreview" → vDevPreview). */
function versionFolder(version: string): string {
  return version === 'devPreview' ? 'vDevPreview' : `v${version}`;
}

/** The official JSON schema of a manifest version, as shipped in @microsoft/app-manifest. */
export function loadTeamsSchema(kind: SchemaKind, version: string): JsonObject {
  if (!/^\d+\.\d+$/.test(version) && version !== 'devPreview') throw new Error(`not a manifest version: ${JSON.stringify(version)}`);
  const file = join(teamsSchemaDir(), versionFolder(version), SCHEMA_FILES[kind]);
  if (!existsSync(file)) {
    const have = availableManifestVersions();
    throw new Error(`@microsoft/app-manifest has no ${kind} schema for version ${version} (it has ${have[0]} … ${have[have.length - 1]})`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
}

/** The canonical $schema URL of a version's manifest or localization schema. */
export function schemaUrl(kind: SchemaKind, version: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/${versionFolder(version)}/${SCHEMA_FILES[kind]}`;
}

/** The version a $schema URL of developer.microsoft.com names, e.g. "1.30" (undefined if none). */
export function versionOfSchemaUrl(url: string): string | undefined {
  const m = /\/json-schemas\/teams\/v(\d+\.\d+|DevPreview)\//i.exec(url);
  if (!m) return undefined;
  return /^devpreview$/i.test(m[1]!) ? 'devPreview' : m[1];
}

/**
 * Patterns are compiled with the u flag like Ajv does, except those that are invalid with it (the
 * 1.30 localization schema has `\[\b(…)\b]`, a lone `]`), which fall back to a plain RegExp.
 */
const lenientRegExp = Object.assign(
  (pattern: string, flags: string): RegExp => {
    try {
      return new RegExp(pattern, flags);
    } catch {
      return new RegExp(pattern, flags.replace('u', ''));
    }
  },
  { code: 'lenientRegExp' },
);

type AjvConstructor = new (options: Record<string, unknown>) => {
  compile(schema: object): ValidateFunction;
};
type AddFormats = (ajv: unknown, formats?: string[]) => unknown;
// Both packages are CommonJS with `exports.default`; NodeNext types the default import as the module.
const AjvDraft04 = ((Ajv04 as unknown as { default?: AjvConstructor }).default ?? Ajv04) as unknown as AjvConstructor;
const addAjvFormats = ((addFormats as unknown as { default?: AddFormats }).default ?? addFormats) as unknown as AddFormats;

const validators = new Map<string, ValidateFunction>();

/**
 * An Ajv validator for a Teams schema. The Teams schemas declare draft-04 but use const and if/then
 * from later drafts, which ajv-draft-04 supports; they are not clean under Ajv's strict mode.
 */
export function schemaValidator(kind: SchemaKind, version: string): ValidateFunction {
  const key = `${kind}@${version}`;
  let validate = validators.get(key);
  if (!validate) {
    const ajv = new AjvDraft04({ allErrors: true, strict: false, code: { regExp: lenientRegExp } });
    addAjvFormats(ajv);
    validate = ajv.compile(loadTeamsSchema(kind, version));
    validators.set(key, validate);
  }
  return validate;
}

function valueAt(doc: Json, pointer: string): Json | undefined {
  if (pointer === '') return doc;
  let cur: Json | undefined = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[Number(part)] : cur[part];
  }
  return cur;
}

function pointerToPath(pointer: string): string {
  if (pointer === '') return '(top level)';
  return pathToString(
    pointer
      .slice(1)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
  );
}

function show(value: Json | undefined): string {
  const s = JSON.stringify(value);
  return s === undefined ? 'undefined' : s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

function typeName(value: Json | undefined): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Ajv errors as one readable line each: "<file>: <where> <what is wrong>". */
export function formatSchemaErrors(errors: readonly ErrorObject[], doc: Json, file: string): string[] {
  const lines: string[] = [];
  for (const e of errors) {
    if (e.keyword === 'if') continue; // the failing "then" branch is reported on its own
    const where = pointerToPath(e.instancePath);
    const value = valueAt(doc, e.instancePath);
    const p = e.params as Record<string, unknown>;
    let what: string;
    switch (e.keyword) {
      case 'required':
        what = `is missing the required property "${String(p.missingProperty)}"`;
        break;
      case 'additionalProperties':
        what = `has a property the schema does not allow: "${String(p.additionalProperty)}"`;
        break;
      case 'maxItems':
      case 'minItems':
        what = `has ${Array.isArray(value) ? value.length : '?'} items, ${e.keyword === 'maxItems' ? 'at most' : 'at least'} ${String(p.limit)} allowed`;
        break;
      case 'maxLength':
      case 'minLength':
        what = `is ${typeof value === 'string' ? [...value].length : '?'} characters long, ${e.keyword === 'maxLength' ? 'at most' : 'at least'} ${String(p.limit)} allowed`;
        break;
      case 'pattern':
        what = `${show(value)} does not match the pattern ${String(p.pattern)}`;
        break;
      case 'enum':
        what = `${show(value)} is not one of ${(p.allowedValues as Json[]).map((v) => show(v)).join(', ')}`;
        break;
      case 'const':
        what = `must be ${show(p.allowedValue as Json)}, is ${show(value)}`;
        break;
      case 'type':
        what = `must be ${String(p.type)}, is ${typeName(value)}`;
        break;
      case 'format':
        what = `${show(value)} is not a valid ${String(p.format)}`;
        break;
      case 'uniqueItems':
        what = `has duplicate items (items ${String(p.j)} and ${String(p.i)} are equal)`;
        break;
      default:
        what = e.message ?? `fails "${e.keyword}"`;
    }
    const line = `${file}: ${where} ${what}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}

/** Validates a JSON document against a Teams schema; [] when valid, else one readable line per error. */
export function validateAgainstSchema(kind: SchemaKind, version: string, doc: Json, file: string): string[] {
  let validate: ValidateFunction;
  try {
    validate = schemaValidator(kind, version);
  } catch (e) {
    return [`${file}: ${(e as Error).message}`];
  }
  if (validate(doc)) return [];
  return formatSchemaErrors(validate.errors ?? [], doc, file);
}

function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Validates a resolved manifest: against the official schema of its manifestVersion, then the rules
 * Teams applies that the schema does not express. [] when valid.
 */
export function validateManifest(manifest: Json): string[] {
  const file = 'manifest.json';
  if (!isObject(manifest)) return [`${file}: must be a JSON object`];
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return [`${file}: manifestVersion is missing or not a string`];
  const problems = validateAgainstSchema('manifest', version, manifest, file);

  if (typeof manifest.$schema === 'string') {
    const named = versionOfSchemaUrl(manifest.$schema);
    if (named !== version) {
      problems.push(`${file}: $schema names version ${named ?? '(none)'} but manifestVersion is ${version} (use ${schemaUrl('manifest', version)})`);
    }
  }
  if (typeof manifest.version === 'string' && !SEMVER.test(manifest.version)) {
    problems.push(`${file}: version ${show(manifest.version)} is not MAJOR.MINOR.PATCH as Teams requires`);
  }
  const botIds = new Set(
    (Array.isArray(manifest.bots) ? manifest.bots : []).flatMap((b) => (isObject(b) && typeof b.botId === 'string' ? [b.botId.toLowerCase()] : [])),
  );
  (Array.isArray(manifest.composeExtensions) ? manifest.composeExtensions : []).forEach((ext, i) => {
    if (!isObject(ext) || (ext.composeExtensionType ?? 'botBased') !== 'botBased') return;
    if (typeof ext.botId !== 'string') {
      problems.push(`${file}: composeExtensions[${i}] is bot-based but has no botId`);
    } else if (botIds.size > 0 && !botIds.has(ext.botId.toLowerCase())) {
      problems.push(`${file}: composeExtensions[${i}].botId ${show(ext.botId)} is not the id of the app's bot`);
    }
  });
  return problems;
}

/** Splits a localization key like `bots[0].commandLists[1].commands[2].title` into a path. */
export function localizationKeyPath(key: string): (string | number)[] {
  return [...key.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]!));
}

function at(doc: Json, path: readonly (string | number)[]): Json | undefined {
  let cur: Json | undefined = doc;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? (typeof part === 'number' ? cur[part] : undefined) : cur[String(part)];
  }
  return cur;
}

/** The manifest strings that a localization file of this app must translate. */
export function localizableKeys(manifest: JsonObject): string[] {
  const keys = ['name.short', 'name.full', 'description.short', 'description.full'].filter(
    (k) => typeof at(manifest, localizationKeyPath(k)) === 'string',
  );
  const each = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
  each(manifest.bots).forEach((bot, b) => {
    each(isObject(bot) ? bot.commandLists : undefined).forEach((list, l) => {
      each(isObject(list) ? list.commands : undefined).forEach((cmd, c) => {
        for (const f of ['title', 'description']) {
          if (isObject(cmd) && typeof cmd[f] === 'string') keys.push(`bots[${b}].commandLists[${l}].commands[${c}].${f}`);
        }
      });
    });
  });
  each(manifest.composeExtensions).forEach((ext, e) => {
    each(isObject(ext) ? ext.commands : undefined).forEach((cmd, c) => {
      for (const f of ['title', 'description']) {
        if (isObject(cmd) && typeof cmd[f] === 'string') keys.push(`composeExtensions[${e}].commands[${c}].${f}`);
      }
      each(isObject(cmd) ? cmd.parameters : undefined).forEach((param, p) => {
        for (const f of ['title', 'description']) {
          if (isObject(param) && typeof param[f] === 'string') keys.push(`composeExtensions[${e}].commands[${c}].parameters[${p}].${f}`);
        }
      });
    });
  });
  return keys;
}

/**
 * Validates a resolved localization file against the localization schema of the manifest's version,
 * checks that its $schema is of that version, that every key names a string of the manifest, and
 * that every localizable string of the manifest is translated. [] when valid.
 */
export function validateLocalization(localization: Json, manifest: JsonObject, file: string): string[] {
  if (!isObject(localization)) return [`${file}: must be a JSON object`];
  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  const problems = validateAgainstSchema('localization', version, localization, file);
  if (typeof localization.$schema === 'string') {
    const named = versionOfSchemaUrl(localization.$schema);
    if (named !== version) {
      problems.push(`${file}: $schema names version ${named ?? '(none)'} but the manifest is ${version} (use ${schemaUrl('localization', version)})`);
    }
  }
  for (const key of Object.keys(localization)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (typeof at(manifest, localizationKeyPath(key)) !== 'string') {
      problems.push(`${file}: key "${key}" has no matching string in manifest.json`);
    }
  }
  for (const key of localizableKeys(manifest)) {
    if (!(key in localization)) problems.push(`${file}: missing translation for "${key}"`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Icons

/**
 * Checks the two icons as Teams requires: PNG, color 192×192, outline 32×32 with only white pixels on
 * a transparent background (every pixel that is not fully transparent must be pure white; the
 * corners must be transparent; it must not be empty). [] when fine.
 */
export function checkIcons(icons: { color: Uint8Array; outline: Uint8Array }, names = { color: 'color.png', outline: 'outline.png' }): string[] {
  const problems: string[] = [];
  const decode = (name: string, png: Uint8Array): ReturnType<typeof decodePng> | undefined => {
    try {
      return decodePng(png);
    } catch (e) {
      problems.push(`${name}: ${e instanceof PngError ? e.message : `cannot read: ${(e as Error).message}`}`);
      return undefined;
    }
  };
  const color = decode(names.color, icons.color);
  if (color && (color.width !== COLOR_ICON_SIZE || color.height !== COLOR_ICON_SIZE)) {
    problems.push(`${names.color}: is ${color.width}×${color.height}, the color icon must be ${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE}`);
  }
  const outline = decode(names.outline, icons.outline);
  if (outline) {
    const { width, height, data } = outline;
    if (width !== OUTLINE_ICON_SIZE || height !== OUTLINE_ICON_SIZE) {
      problems.push(`${names.outline}: is ${width}×${height}, the outline icon must be ${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE}`);
    }
    if (!outline.hasAlpha) {
      problems.push(`${names.outline}: has no transparency (PNG colour type ${outline.header.colorType}); the outline icon must be white on a transparent background`);
    } else {
      let notWhite = 0;
      let first = '';
      let visible = 0;
      for (let i = 0; i < width * height; i++) {
        const [r, g, b, a] = [data[i * 4]!, data[i * 4 + 1]!, data[i * 4 + 2]!, data[i * 4 + 3]!];
        if (a === 0) continue;
        visible++;
        if (r !== 255 || g !== 255 || b !== 255) {
          if (notWhite === 0) first = ` (first at x=${i % width}, y=${Math.floor(i / width)}: rgba(${r}, ${g}, ${b}, ${a}))`;
          notWhite++;
        }
      }
      if (notWhite > 0) {
        problems.push(`${names.outline}: ${notWhite} visible pixels are not white${first}; the outline icon must be white on a transparent background`);
      }
      const corners = [0, width - 1, (height - 1) * width, height * width - 1];
      if (corners.some((i) => data[i * 4 + 3] !== 0)) {
        problems.push(`${names.outline}: the background is not transparent (a corner pixel is visible); the outline icon must be white on a transparent background`);
      }
      if (visible === 0) problems.push(`${names.outline}: is completely transparent`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The package

export interface PackageFile {
  name: string;
  data: Buffer;
}

/** The app package zip: the files at the root, in the given order, reproducible byte for byte. */
export function buildPackageZip(files: readonly PackageFile[]): Buffer {
  return createZip(files.map((f) => ({ name: f.name, data: f.data })));
}

export interface BuildOptions {
  /** The environment (already merged with .env). */
  env: Env;
  /** The folder with manifest.json, the localization files and the icons; default appPackage/. */
  appDir?: string;
  /** APP_VERSION's default; default package.json's version. */
  appVersion?: string;
}

export interface BuildResult {
  /** One readable line per problem; the package is only built when there are none. */
  problems: string[];
  manifest?: JsonObject;
  /** The resolved localization files by file name. */
  localizations?: Record<string, JsonObject>;
  /** The package's files in zip order (manifest.json, localization files, icons). */
  files?: PackageFile[];
  zip?: Buffer;
}

/** package.json's version (undefined if it has none). */
export function projectVersion(root = PROJECT_ROOT): string | undefined {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : undefined;
}

function readJsonFile(dir: string, name: string, problems: string[]): JsonObject | undefined {
  const path = join(dir, name);
  if (!existsSync(path)) {
    problems.push(`${name}: not found in ${dir}`);
    return undefined;
  }
  try {
    const value = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as Json;
    if (!isObject(value)) {
      problems.push(`${name}: must be a JSON object`);
      return undefined;
    }
    return value;
  } catch (e) {
    problems.push(`${name}: is not valid JSON: ${(e as Error).message}`);
    return undefined;
  }
}

function packagePath(value: Json | undefined, fallback: string, what: string, problems: string[]): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value === '' || value.includes('..') || value.startsWith('/') || value.includes('\\') || value.includes('/')) {
    problems.push(`manifest.json: ${what} must be a file name at the package root, is ${show(value)}`);
    return fallback;
  }
  return value;
}

/**
 * Reads appDir, resolves and validates everything and builds the zip in memory. Collects all the
 * problems it can find in one pass; schema validation is skipped while variables are missing.
 */
export function buildAppPackage(options: BuildOptions): BuildResult {
  const appDir = options.appDir ?? APP_PACKAGE_DIR;
  const problems: string[] = [];
  const { vars, problems: varProblems } = resolveVariables(options.env, { appVersion: options.appVersion ?? projectVersion() });
  problems.push(...varProblems);

  const template = readJsonFile(appDir, 'manifest.json', problems);
  let manifest: JsonObject | undefined;
  const localizations: Record<string, JsonObject> = {};
  const files: PackageFile[] = [];
  let placeholderProblems = 0;
  if (template) {
    // A package variable without a value is already reported by resolveVariables: say it once.
    const reported = new Set<string>(PACKAGE_VARIABLES.filter((name) => vars[name] === undefined));
    const resolved = resolveManifest(template, vars, reported);
    manifest = resolved.manifest;
    problems.push(...resolved.problems);
    placeholderProblems = resolved.problems.length + resolved.unresolved.length;

    const info = manifest.localizationInfo;
    const languages = isObject(info) && Array.isArray(info.additionalLanguages) ? info.additionalLanguages : [];
    const locFiles = languages.flatMap((l, i) =>
      isObject(l) ? [packagePath(l.file, `language-${i}.json`, `localizationInfo.additionalLanguages[${i}].file`, problems)] : [],
    );
    if (isObject(info) && info.defaultLanguageFile !== undefined) {
      locFiles.unshift(packagePath(info.defaultLanguageFile, 'default-language.json', 'localizationInfo.defaultLanguageFile', problems));
    }
    for (const name of locFiles) {
      const loc = readJsonFile(appDir, name, problems);
      if (!loc) continue;
      const r = resolvePlaceholders(loc, vars, name, reported);
      problems.push(...r.problems);
      placeholderProblems += r.problems.length + r.unresolved.length;
      localizations[name] = r.value;
    }
    if (placeholderProblems === 0 && varProblems.length === 0) {
      problems.push(...validateManifest(manifest));
      for (const [name, loc] of Object.entries(localizations)) problems.push(...validateLocalization(loc, manifest, name));
    }
  }

  const icons = isObject(manifest?.icons) ? manifest.icons : {};
  const iconNames = {
    color: packagePath(icons.color, 'color.png', 'icons.color', problems),
    outline: packagePath(icons.outline, 'outline.png', 'icons.outline', problems),
  };
  const iconData: Partial<Record<'color' | 'outline', Buffer>> = {};
  for (const kind of ['color', 'outline'] as const) {
    const path = join(appDir, iconNames[kind]);
    if (existsSync(path)) iconData[kind] = readFileSync(path);
    else problems.push(`${iconNames[kind]}: not found in ${appDir} (run npm run icons)`);
  }
  if (iconData.color && iconData.outline) problems.push(...checkIcons({ color: iconData.color, outline: iconData.outline }, iconNames));

  if (problems.length > 0 || !manifest || !iconData.color || !iconData.outline) {
    return { problems, ...(manifest ? { manifest } : {}) };
  }
  const json = (v: Json): Buffer => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');
  files.push({ name: 'manifest.json', data: json(manifest) });
  for (const [name, loc] of Object.entries(localizations)) files.push({ name, data: json(loc) });
  files.push({ name: iconNames.color, data: iconData.color }, { name: iconNames.outline, data: iconData.outline });
  return { problems, manifest, localizations, files, zip: buildPackageZip(files) };
}
