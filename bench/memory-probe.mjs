// Preloaded into the bot by the soak with SOAK_MEMORY_PROBE=1 (node --expose-gc --import this file):
// every SOAK_PROBE_SECONDS (10) it runs a full GC and writes one JSON line to stderr with the live heap
// after it and what lies outside the JS heap (external, array buffers), next to the RSS, so a growing RSS
// can be told apart from a leak of JavaScript objects. Bench only; never loaded by `npm start`.
const everyMs = Number(process.env.SOAK_PROBE_SECONDS ?? 10) * 1000;
const MB = 1024 * 1024;
const timer = setInterval(() => {
  const before = process.memoryUsage();
  globalThis.gc?.();
  const after = process.memoryUsage();
  const mb = (value) => Math.round((value / MB) * 10) / 10;
  process.stderr.write(
    `${JSON.stringify({ probe: 'memory', rssMb: mb(before.rss), heapUsedBeforeGcMb: mb(before.heapUsed), heapUsedAfterGcMb: mb(after.heapUsed), heapTotalMb: mb(after.heapTotal), externalMb: mb(after.external), arrayBuffersMb: mb(after.arrayBuffers), rssAfterGcMb: mb(after.rss) })}\n`,
  );
}, everyMs);
timer.unref();
