// The report as text for a person at a terminal (npm run report), Swedish by default.
import { formatDate, type Lang } from '../brain/format.js';
import type { Report, ReportGroup } from './report.js';
import { formatMoment } from './when.js';

const WORDS = {
  sv: {
    title: (since: string) => `Vad dokumenten saknar, sedan ${since}`,
    unanswered: 'Obesvarade frågor',
    thumbsDown: 'Svar med 👎',
    thumbsUp: 'Svar med 👍',
    comments: 'Kommentarer till 👎',
    tickets: 'Frågor till samordnare',
    open: 'öppna',
    answered: 'besvarade',
    anyPlace: 'ingen plats',
    anyFund: 'ingen fond',
    removed: '(texten borttagen efter lagringstiden)',
    answeredBy: 'besvarad av',
    takenBy: 'tagen av',
    unreadable: (count: number) => `${count} sparade poster kunde inte läsas och räknas inte.`,
  },
  en: {
    title: (since: string) => `What the documents lack, since ${since}`,
    unanswered: 'Unanswered questions',
    thumbsDown: 'Answers with 👎',
    thumbsUp: 'Answers with 👍',
    comments: 'Comments with 👎',
    tickets: 'Coordinator questions',
    open: 'open',
    answered: 'answered',
    anyPlace: 'no place',
    anyFund: 'no fund',
    removed: '(text removed after the retention period)',
    answeredBy: 'answered by',
    takenBy: 'taken by',
    unreadable: (count: number) => `${count} stored records could not be read and are not counted.`,
  },
} as const;

export function reportText(report: Report, lang: Lang = 'sv'): string {
  const w = WORDS[lang];
  const lines = [w.title(formatDate(report.since, lang)), ''];
  const groups = (heading: string, total: number, list: ReportGroup[]) => {
    lines.push(`${heading}: ${total}`);
    for (const g of list) {
      lines.push(`  ${g.count} × ${g.topic} · ${g.place ?? w.anyPlace} · ${g.fund ?? w.anyFund}`);
      for (const question of g.questions) lines.push(`      – ${question}`);
    }
    lines.push('');
  };
  groups(w.unanswered, report.unanswered.total, report.unanswered.groups);
  groups(w.thumbsDown, report.thumbsDown.total, report.thumbsDown.groups);
  if (report.thumbsDown.comments.length > 0) {
    lines.push(`${w.comments}:`);
    for (const comment of report.thumbsDown.comments) lines.push(`  – ${comment}`);
    lines.push('');
  }
  lines.push(`${w.thumbsUp}: ${report.thumbsUp.total}`, '');
  lines.push(`${w.tickets}: ${report.tickets.open} ${w.open}, ${report.tickets.answered} ${w.answered}`);
  for (const item of report.tickets.items) {
    const who = item.answeredBy ? `${w.answeredBy} ${item.answeredBy}` : item.takenBy ? `${w.takenBy} ${item.takenBy}` : w.open;
    lines.push(`  ${formatMoment(item.createdAt, lang)} · ${who} · ${item.question ?? w.removed}`);
  }
  if (report.unreadable > 0) lines.push('', w.unreadable(report.unreadable));
  return lines.join('\n');
}
