// npm run ask -- "Hur mycket får Mora?" ["och Falun?" …] [--json] [--lang en] [--explain]
// Several questions in one call are one conversation, so follow-ups work. --explain prints, before
// each answer, the question frame the understanding made of it: what the planner and answerers get.
import { createBrain } from '../brain/brain.js';
import type { ConversationContext } from '../brain/context.js';
import type { Reply } from '../brain/reply.js';
import { understand, type Understanding } from '../brain/understand.js';
import { systemClock } from '../platform/clock.js';
import { KnowledgeLoadError, loadKnowledge } from '../knowledge/index.js';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const explain = argv.includes('--explain');
  const langIndex = argv.indexOf('--lang');
  const langArg = langIndex >= 0 ? argv[langIndex + 1] : undefined;
  if (langArg !== undefined && langArg !== 'sv' && langArg !== 'en') {
    console.error('--lang takes sv or en');
    return 2;
  }
  const forced = langArg;
  const questions = argv.filter((arg, i) => !arg.startsWith('--') && !(langIndex >= 0 && i === langIndex + 1));
  if (questions.length === 0) {
    console.error('Usage: npm run ask -- "Hur mycket får Mora?" ["och Falun?" …] [--json] [--lang en|sv]');
    return 2;
  }
  let loaded;
  try {
    loaded = loadKnowledge();
  } catch (error) {
    if (error instanceof KnowledgeLoadError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const brain = createBrain(loaded.store, systemClock);
  let context: ConversationContext = {};
  const replies: Reply[] = [];
  for (const question of questions) {
    if (explain) console.log(`\n> ${question}\n${frameText(understand(question, context, loaded.store, forced ? { lang: forced } : {}))}`);
    const answer = brain.answer(question, context, forced ? { lang: forced } : {});
    context = answer.context;
    replies.push(answer.reply);
    if (!json) console.log(`\n> ${question}\n${render(answer.reply)}`);
  }
  if (json) console.log(JSON.stringify(replies.length === 1 ? replies[0] : replies, null, 2));
  return 0;
}

/** The question frame, one field a line, without what is empty. */
function frameText(u: Understanding): string {
  const { text: _text, folded: _folded, places, uncovered, ...rest } = u;
  const frame: Record<string, unknown> = {
    ...rest,
    places: places.map((match) => `${match.place.id} (“${match.text}”, ${match.how})`),
    uncovered: uncovered.map((match) => `${match.name} ${match.code} (“${match.text}”)`),
  };
  const shown = Object.entries(frame).filter(([, value]) => value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0));
  return ['frame:', ...shown.map(([key, value]) => `  ${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)].join('\n');
}

/** The reply as a person reads it in a terminal. */
function render(reply: Reply): string {
  const lines = [reply.text];
  if (reply.rows.length > 1 || (reply.rows.length === 1 && reply.kind !== 'figure')) {
    for (const row of reply.rows) lines.push(`  • ${row.label}: ${row.value}${row.note ? ` (${row.note})` : ''}`);
  }
  if (reply.derivation.length > 0) {
    lines.push(reply.lang === 'sv' ? '  Beräkning:' : '  Calculation:');
    for (const step of reply.derivation) lines.push(`    ${step}`);
  }
  if (reply.known.length > 0) {
    lines.push(reply.lang === 'sv' ? '  Det här vet jag:' : '  What I do know:');
    for (const line of reply.known) lines.push(`    ${line}`);
  }
  if (reply.suggestions.length > 0) lines.push(`  ${reply.lang === 'sv' ? 'Förslag' : 'Suggestions'}: ${reply.suggestions.map((s) => `[${s.title}]`).join(' ')}`);
  return lines.join('\n');
}

process.exitCode = main(process.argv.slice(2));
