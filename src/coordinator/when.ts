// A moment as the cards show it, in Swedish time: "3 december 2026 kl. 08:15" / "3 December 2026 at 08:15".
import { formatDate, type Lang } from '../brain/format.js';
import { STOCKHOLM, stockholmDate } from '../platform/clock.js';

const clockTime = new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function formatMoment(iso: string, lang: Lang): string {
  const at = new Date(iso);
  return `${formatDate(stockholmDate(at), lang)} ${lang === 'sv' ? 'kl.' : 'at'} ${clockTime.format(at)}`;
}
