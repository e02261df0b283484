// Preloaded (node --import) into a bot that a test starts as a child process: its clock starts at
// TEST_CLOCK_START and runs on, so that reminders for the documents' deadlines (2018–2023) are still due.
// Tests only; the bot itself has no such setting.
const start = process.env.TEST_CLOCK_START;
if (start) {
  const offset = Date.parse(start) - Date.now();
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
