import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { encoding: 'utf8' });

describe('npm run ask', () => {
  it('prints the answer as a person reads it, follow-ups included', () => {
    const out = run('Hur mycket får Mora?', 'och Falun?').replace(/\u00a0/g, ' ');
    expect(out).toContain('Mora 2020: 593 461 kr');
    expect(out).toContain('Falun 2020: 1 726 309 kr');
    expect(out).toContain('Beräkning:');
  });

  it('prints the structured reply with --json and answers in English with --lang en', () => {
    const reply = JSON.parse(run('Hur mycket får Mora?', '--json', '--lang', 'en'));
    expect(reply).toMatchObject({ kind: 'amount', lang: 'en' });
    expect(reply.text.replace(/\u00a0/g, ' ')).toContain('SEK 593,461');
    expect(reply.sources[0].file).toBe('001_74a662b3024a3357.txt');
  });

  it('explains its usage when asked nothing', () => {
    expect(() => run()).toThrow(/Usage/);
  });
});
