// npm run knowledge:check — prints every table, key and sum check with its agreements and discrepancies,
// and every reconstructed cell with its printed text, value, digits kept and the constraints it satisfies.
import type { Decimal } from 'decimal.js';
import { formatSek } from '../allocation/index.js';
import { buildKnowledge } from '../knowledge/build.js';
import { checkKnowledge } from '../knowledge/checks.js';
import { KnowledgeLoadError, readKnowledgeFiles } from '../knowledge/load.js';

const sek = (value: Decimal) => formatSek(value, 'sv');

try {
  const knowledge = buildKnowledge(readKnowledgeFiles());
  const report = checkKnowledge(knowledge);
  for (const result of report.results) {
    const explained = result.discrepancies.filter((d) => d.explanation).length;
    const open = result.discrepancies.length - explained;
    const verdict = open > 0 ? 'DISCREPANCY' : explained > 0 ? 'EXPLAINED' : 'VERIFIED';
    console.log(`${verdict.padEnd(11)} ${result.document}  ${result.subject}  [${result.check}]  ${result.agreements} agree, ${result.discrepancies.length} disagree`);
    for (const d of result.discrepancies) {
      console.log(`    ${d.explanation ? 'known' : 'OPEN '} ${d.where}: expected ${d.expected}, printed ${d.actual} (difference ${d.difference})${d.explanation ? ` — ${d.explanation}` : ''}`);
    }
    for (const note of result.notes) console.log(`    · ${note}`);
    for (const cell of result.reconstructed ?? []) {
      const value = cell.range ? `${sek(cell.range.min)}–${sek(cell.range.max)} (${sek(cell.value)} i mitten; fler värden passar)` : `${sek(cell.value)} (entydigt)`;
      console.log(`    · rekonstruerad ${cell.where}: tryckt "${cell.printed}" → ${value}`);
      const digits = cell.kept ? `tryckta på sin plats ${cell.kept}${cell.solved ? `, lösta ${cell.solved}` : ''}` : 'inga läsbara';
      const bounds = cell.bounds.min.equals(cell.bounds.max) ? sek(cell.bounds.min) : `${sek(cell.bounds.min)}–${sek(cell.bounds.max)}`;
      console.log(`        siffror: ${digits}; utan heltalssökning (de läsbara cellernas intervall): ${bounds}`);
      for (const constraint of cell.constraints) console.log(`        ✓ ${constraint}`);
    }
  }
  const tables = knowledge.tables.length;
  console.log(`\n${report.results.length} checks over ${tables} tables, ${knowledge.keys.length} keys and ${knowledge.sums.length} sums in ${knowledge.documents.length} documents: ${report.unexplained === 0 ? 'all verified or explained' : `${report.unexplained} unexplained discrepancies`}`);
  process.exitCode = report.unexplained === 0 ? 0 : 1;
} catch (error) {
  if (error instanceof KnowledgeLoadError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
