// Loads, validates, builds and verifies the knowledge. Start-up calls this once.
import { buildKnowledge } from './build.js';
import { checkKnowledge, type CheckReport } from './checks.js';
import { DEFAULT_KNOWLEDGE_DIR, KnowledgeLoadError, readKnowledgeFiles } from './load.js';
import { KnowledgeStore } from './store.js';

export interface LoadedKnowledge {
  store: KnowledgeStore;
  report: CheckReport;
  version: string;
}

/** Throws KnowledgeLoadError naming every broken file, reference, quote or unexplained discrepancy. */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): LoadedKnowledge {
  const files = readKnowledgeFiles(dir);
  const knowledge = buildKnowledge(files);
  const report = checkKnowledge(knowledge);
  if (report.unexplained > 0) {
    throw new KnowledgeLoadError(
      report.results.flatMap((result) =>
        result.discrepancies
          .filter((d) => !d.explanation)
          .map((d) => `${result.document}: ${result.subject}: ${result.check} disagrees at ${d.where}: expected ${d.expected}, printed ${d.actual} (difference ${d.difference})`),
      ),
    );
  }
  return { store: new KnowledgeStore(knowledge), report, version: files.version };
}

export { KnowledgeLoadError, DEFAULT_KNOWLEDGE_DIR };
export { KnowledgeStore } from './store.js';
export type { CheckReport } from './checks.js';
export type * from './model.js';
export { findSwedishPlaces, loadSweden, parseSweden, swedishPlaceFinder, type SwedishPlaceMatch, type SwedishCounty, type SwedishMunicipality, type SwedenFile } from './sweden.js';
