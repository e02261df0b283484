// The channel commands a team member writes to the bot (with a mention) in a channel: make this channel
// the tenant's expert channel for coordinator questions, or stop using it. Read in any case, with or
// without diacritics, with the mention and punctuation anywhere.
import type { Lang } from '../brain/format.js';
import { foldText } from '../text/normalize.js';

export type ChannelCommand = { command: 'use' | 'stop'; lang: Lang };

/** The mention as Teams puts it in the text ("<at>Stimulansboten</at>"), any other markup, and entities ("&nbsp;"). */
const MARKUP = /<at\b[^>]*>[^<]*<\/at>|<[^>]+>|&(?:[a-z]+|#\d+);/gi;

// Folded text: "använd den här kanalen för frågor till samordnare" → "anvand den har kanalen for fragor till samordnare".
const COMMANDS: { command: ChannelCommand['command']; lang: Lang; pattern: RegExp }[] = [
  { command: 'stop', lang: 'sv', pattern: /^(?:sluta|sluta att) anvanda (?:den har|denna) kanal(?:en)?(?: for (?:fragor|fraga) till samordnar(?:e|na|en)?)?$/ },
  { command: 'use', lang: 'sv', pattern: /^anvand (?:den har|denna) kanal(?:en)? for (?:fragor|fraga) till samordnar(?:e|na|en)?$/ },
  { command: 'stop', lang: 'en', pattern: /^stop using this channel(?: for coordinator questions)?$/ },
  { command: 'use', lang: 'en', pattern: /^use this channel for coordinator questions$/ },
];

/** Politeness and filler around the command that change nothing. */
const FILLER = /\b(?:snalla|tack|please|thanks|thank you|kan du|can you|hej|hi|hello)\b/g;

export function readChannelCommand(text: string): ChannelCommand | undefined {
  const folded = foldText(text.replace(MARKUP, ' ')).replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  for (const { command, lang, pattern } of COMMANDS) if (pattern.test(folded)) return { command, lang };
  return undefined;
}
