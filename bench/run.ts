// npm run bench — speed measured here, never in tests (machines are shared and noisy).
import { benchBrain } from './brain.js';

const brain = benchBrain();
console.log(`brain: ${brain.questions} questions × 30 rounds after warm-up — p50 ${brain.p50.toFixed(0)} µs, p99 ${brain.p99.toFixed(0)} µs, max ${brain.max.toFixed(0)} µs (target p99 < 200 µs)`);
