import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_PACKAGE_DIR, type Json, type JsonObject } from '../../scripts/app-package.js';

/** Test values for the package variables. */
export const TEST_ENV = {
  TEAMS_APP_ID: '3f0c2a9e-8d41-4b6a-9c55-2e7d1b0a6f13',
  BOT_ID: 'a1b2c3d4-e5f6-4789-8abc-def012345678',
  DEVELOPER_WEBSITE_URL: 'https://www.region.test/stimulansboten',
  PRIVACY_URL: 'https://www.region.test/stimulansboten/integritet',
  TERMS_OF_USE_URL: 'https://www.region.test/stimulansboten/villkor',
} as const;

export const TEST_VARS: Record<string, string> = {
  ...TEST_ENV,
  BOT_DOMAIN: '',
  APP_VERSION: '1.2.3',
};

export function readAppJson(name: string): JsonObject {
  return JSON.parse(readFileSync(join(APP_PACKAGE_DIR, name), 'utf8')) as JsonObject;
}

export function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

/** Field access on parsed JSON for tests (throws on a wrong path instead of returning undefined). */
export function get(doc: Json, ...path: (string | number)[]): Json {
  let cur: Json = doc;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') throw new Error(`no ${String(part)} in ${JSON.stringify(cur)}`);
    const next: Json | undefined = Array.isArray(cur) ? cur[Number(part)] : cur[String(part)];
    if (next === undefined) throw new Error(`no ${String(part)} at ${path.join('.')}`);
    cur = next;
  }
  return cur;
}

export function asArray(value: Json): Json[] {
  if (!Array.isArray(value)) throw new Error(`not an array: ${JSON.stringify(value)}`);
  return value;
}

export function asObject(value: Json): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value;
}

/** The process environment without any of the package variables (so tests don't see a developer's). */
export function cleanEnv(): Record<string, string | undefined> {
  const env = { ...process.env };
  for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'MicrosoftAppId', 'BOT_DOMAIN', 'APP_VERSION']) delete env[name];
  return env;
}
