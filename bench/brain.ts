// In-process answer time over the acceptance question set, after warm-up: p50 and p99 in µs.
import { performance } from 'node:perf_hooks';
import { createBrain } from '../src/brain/brain.js';
import type { ConversationContext } from '../src/brain/context.js';
import { loadKnowledge } from '../src/knowledge/index.js';
import { fixedClock } from '../src/platform/clock.js';
import { questionCases } from '../tests/brain/questions.js';

export interface BrainBenchResult {
  questions: number;
  p50: number;
  p99: number;
  max: number;
}

export function benchBrain(rounds = 30): BrainBenchResult {
  const { store } = loadKnowledge();
  const brain = createBrain(store, fixedClock('2026-11-22'));
  const conversations = questionCases.map((c) => c.say);
  const askAll = (samples?: number[]) => {
    for (const turns of conversations) {
      let context: ConversationContext = {};
      for (const turn of turns) {
        const start = performance.now();
        context = brain.answer(turn, context).context;
        samples?.push((performance.now() - start) * 1000);
      }
    }
  };
  for (let i = 0; i < 5; i++) askAll();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) askAll(samples);
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { questions: samples.length / rounds, p50: at(0.5), p99: at(0.99), max: samples[samples.length - 1]! };
}
