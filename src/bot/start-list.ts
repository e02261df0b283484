// What the compose-box lookup shows before anything is typed (Teams' `initialRun`, or an empty search
// box): the questions the help suggests and the deadlines coming up, answered in the user's language.
import type { Brain } from '../brain/brain.js';
import type { Lang } from '../brain/format.js';
import type { LookupResult } from '../brain/lookup.js';

/** The question behind the deadlines entry of the start list. */
const UPCOMING: Record<Lang, string> = { sv: 'Vilka deadlines är på gång?', en: 'Which deadlines are coming up?' };
const HELP: Record<Lang, string> = { sv: 'hjälp', en: 'help' };

export function startList(brain: Brain, lang: Lang): LookupResult[] {
  const help = brain.answer(HELP[lang], {}, { lang }).reply;
  const questions = [UPCOMING[lang], ...help.suggestions.map((suggestion) => suggestion.question)];
  const results: LookupResult[] = [];
  const seen = new Set<string>();
  for (const question of questions) {
    const { reply } = brain.answer(question, {}, { lang });
    const key = `${reply.kind}|${reply.title}`;
    if (reply.kind === 'unknown' || seen.has(key)) continue;
    seen.add(key);
    results.push({ question, reply });
  }
  // Nothing answerable: the help itself says what can be asked.
  return results.length > 0 ? results : [{ question: HELP[lang], reply: help }];
}
