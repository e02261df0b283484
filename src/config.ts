// Configuration from the environment, validated once at start. Every variable is in .env.example.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Reads a .env file into process.env, the way `npm start`, `npm run dev` and `npm run package` all do:
 * Node's own parser (`process.loadEnvFile`), a missing file is fine, and a variable already in the
 * environment (even empty) wins over the file. Returns whether a file was read.
 */
export function loadEnvFile(path: string = resolve('.env')): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}

const list = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** An empty variable (`PORT=` in a .env file) means unset, not zero. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

export const configSchema = z.object({
  PORT: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65535).default(3978)),
  /** The interface to listen on: 0.0.0.0 in a container, 127.0.0.1 for local use. */
  HOST: z.string().default('127.0.0.1'),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI', '']).default(''),
  MicrosoftAppTenantId: z.string().default(''),
  /** Where the Bot Framework channel publishes the keys its tokens are signed with; tests serve their own. */
  BOT_OPENID_METADATA_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/ }).default('https://login.botframework.com/v1/.well-known/openidconfiguration')),
  /** Bound on fetching those keys: past it, requests are answered 503 instead of waiting. */
  BOT_OPENID_TIMEOUT_MS: z.preprocess(unsetIfEmpty, z.coerce.number().int().positive().max(60_000).default(5000)),
  /** Tenants whose activities are answered; empty = any. */
  ALLOWED_TENANT_IDS: list,
  STORAGE_DIR: z.string().default('./.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where state lives: files under STORAGE_DIR (one instance) or Azure Blob Storage (several). */
  STORAGE: z.enum(['file', 'blob']).default('file'),
  BLOB_CONNECTION_STRING: z.string().default(''),
  BLOB_CONTAINER: z.string().default('stimulansboten'),
  /** Names this instance in the reminder ledger's claims; defaults to host and process id. */
  INSTANCE_ID: z.string().default(''),
  /** Without MicrosoftAppId the bot only listens on loopback, unless this says otherwise. */
  ALLOW_ANONYMOUS: z.preprocess(unsetIfEmpty, z.enum(['true', 'false']).default('false')).transform((value) => value === 'true'),
  /** Bearer token for POST /api/notify; unset = the endpoint refuses every call. */
  NOTIFY_TOKEN: z.string().default(''),
  /** Days the question texts of tickets, feedback and unanswered questions are kept (applied at start and daily). */
  RETENTION_DAYS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).max(3650).default(90)),
  /** Bearer token for GET /api/report; unset = the endpoint refuses every call. */
  REPORT_TOKEN: z.string().default(''),
  /** Days before each deadline to remind, and the hour (Europe/Stockholm). */
  REMINDER_DAYS_BEFORE: z
    .string()
    .default('30,7,1')
    .transform((value, ctx) => {
      const parts = value.split(',').map((part) => part.trim());
      const days = parts.map(Number);
      if (parts.some((part) => !/^\d{1,3}$/.test(part)) || days.some((day) => day > 365)) ctx.addIssue({ code: 'custom', message: 'whole days between 0 and 365, comma separated' });
      return [...new Set(days)];
    }),
  REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  /** A claim in the reminder ledger older than this was left by an instance that died; another takes it over. */
  REMINDER_TAKEOVER_SECONDS: z.coerce.number().positive().max(50).default(25),
  /** The in-process scheduler runs the reminder pass every minute; off when an external timer calls /api/notify. */
  SCHEDULER: z.enum(['on', 'off']).default('on'),
  /** Teams' limits for proactive messages: per app and tenant, and per conversation. */
  PACE_TENANT_PER_SECOND: z.coerce.number().positive().default(50),
  PACE_CONVERSATION_PER_SECOND: z.coerce.number().positive().default(7),
  /** Incoming messages per conversation: a sustained rate and a burst; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.preprocess(unsetIfEmpty, z.coerce.number().min(0).default(30)),
  RATE_LIMIT_BURST: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).default(10)),
  /** How many answers (and their cards) to remember; 0 turns the cache off. */
  ANSWER_CACHE_SIZE: z.coerce.number().int().min(0).default(2000),
  /** Bound on one read or write of conversation state on the question path (ms): a hanging storage costs an answer its context, not the answer (at most 10 s: Teams gives up after ~15 s). */
  STATE_TIMEOUT_MS: z.preprocess(unsetIfEmpty, z.coerce.number().int().positive().max(10_000).default(2000)),
  /** On SIGTERM or SIGINT: how long answers in flight and a reminder pass may take before they are cut. */
  SHUTDOWN_TIMEOUT_SECONDS: z.preprocess(unsetIfEmpty, z.coerce.number().positive().max(600).default(20)),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}
