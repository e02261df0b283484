// Structured logs: one JSON line per event. Message text and secrets never go in at info level.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'stimulansboten' },
      redact: { paths: ['*.MicrosoftAppPassword', '*.authorization', '*.Authorization', 'password', 'token'], censor: '[redacted]' },
    },
    destination,
  );
}
