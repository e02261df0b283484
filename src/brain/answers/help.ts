// Help and greeting: what the bot knows (from the store) and how to ask.
import { t, type AnswerInput } from '../answer-context.js';
import { emptyReply, type Reply } from '../reply.js';
import { helpSuggestions } from './search.js';
import { knownPlaces } from './unknown.js';

export function answerHelp(input: AnswerInput, kind: 'help' | 'greeting'): Reply {
  const known = knownPlaces(input);
  const reply = emptyReply(kind, input.lang, t(input, 'Stimulansboten', 'Stimulansboten'), '');
  const greeting = kind === 'greeting' ? t(input, 'Hej! ', 'Hello! ') : '';
  reply.text =
    greeting +
    t(
      input,
      'Jag svarar på frågor om stimulansmedlen för psykisk hälsa och suicidprevention: belopp per kommun, län, delregion och fokusområde, deadlines, fakturauppgifter (referenskod, GLN, kostnadsställe), fokusområden, fördelningsnycklar och kontaktpersoner – alltid med källa. ',
      'I answer questions about the state’s stimulus funds for mental health and suicide prevention: amounts per municipality, county, sub-region and focus area, deadlines, invoice details (reference code, GLN, cost centre), focus areas, distribution keys and contacts – always with the source. ',
    ) +
    t(input, `Jag känner till: ${known.join('; ')}.`, `I know about: ${known.join('; ')}.`) +
    t(input, ' Prova till exempel: ', ' Try for example: ') +
    helpSuggestions(input)
      .map((s) => `”${s.question}”`)
      .join(', ') +
    '.';
  reply.known = known;
  reply.suggestions = helpSuggestions(input);
  return reply;
}
