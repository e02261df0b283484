// Runs the reminder pass every minute (and at start-up), never two at once in this process. When a
// pass finds claims another instance is holding, it looks again once such a claim may be abandoned.
import type { Logger } from '../platform/logger.js';
import type { PassCounts } from './pass.js';

export interface Scheduler {
  stop(): void;
  /** Resolves when the pass running now (if any) is done: for a clean shutdown. */
  drain(): Promise<PassCounts | undefined>;
  /** Runs a pass now (waits for one already running). */
  runNow(asOf?: Date): Promise<PassCounts | undefined>;
}

export function startScheduler(run: (asOf: Date) => Promise<PassCounts>, options: { everyMs: number; recheckMs: number; logger: Logger; now: () => Date }): Scheduler {
  let running: Promise<PassCounts | undefined> | undefined;
  let stopped = false;
  let recheck: NodeJS.Timeout | undefined;
  const tick = (asOf?: Date, queue = false): Promise<PassCounts | undefined> => {
    if (stopped) return Promise.resolve(undefined);
    // The minute's tick joins a pass still running; only an explicit call (/api/notify) waits for its own.
    if (running) return queue ? running.then(() => tick(asOf)) : running;
    running = run(asOf ?? options.now())
      .then((counts) => {
        if (counts.inProgress > 0 && !recheck && !stopped) {
          recheck = setTimeout(() => {
            recheck = undefined;
            void tick();
          }, options.recheckMs);
          recheck.unref();
        }
        return counts;
      })
      .catch((error: unknown) => {
        options.logger.error({ event: 'reminder.pass_failed', err: error }, 'reminder pass failed; the next one tries again');
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const interval = setInterval(() => void tick(), options.everyMs);
  interval.unref();
  void tick();
  return {
    stop() {
      stopped = true;
      clearInterval(interval);
      if (recheck) clearTimeout(recheck);
    },
    runNow: (asOf) => tick(asOf, true),
    drain: () => running ?? Promise.resolve(undefined),
  };
}
