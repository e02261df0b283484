// Coverage before answering: a figure only when every part of the question is covered. Runs after
// understanding and before any answerer: a request to act, a real place the documents do not cover
// or a calculation the bot cannot do yet is said first, by name, with what the documents do hold.
import { t, type AnswerInput } from './answer-context.js';
import { joinList } from './format.js';
import { foldText } from '../text/normalize.js';
import { emptyReply, type Reply } from './reply.js';
import { knownAboutPlace, knownPlaces, NOT_FOUND } from './answers/unknown.js';
import type { Action, Unrecorded } from './vocabulary.js';
import { whatIfGap, type WhatIfGap } from './answers/whatif.js';

const ACTIONS: Record<Action, [string, string]> = {
  book: ['boka möten', 'book meetings'],
  send: ['skicka e-post eller meddelanden', 'send e-mails or messages'],
  submit: ['lämna in fakturor eller rapporter', 'submit invoices or reports'],
  edit: ['ändra i dokumenten eller beloppen', 'change the documents or the amounts'],
};

/** The reply for the part of the question the documents or the bot do not cover, or undefined when all is covered. */
export function uncoveredPart(input: AnswerInput): Reply | undefined {
  const { u } = input;
  if (u.action) return declineAction(input, u.action);
  if (u.uncovered.length > 0) return uncoveredPlace(input);
  if (u.unrecorded && !['help', 'greeting', 'subscribe', 'unsubscribe', 'subscriptions'].includes(u.intent)) return unrecorded(input, u.unrecorded);
  if (u.operation === 'whatif' && ['amount', 'list', 'search', 'key'].includes(u.intent)) {
    const gap = whatIfGap(input);
    if (gap) return noWhatIf(input, gap);
  }
  return undefined;
}

function declineAction(input: AnswerInput, action: Action): Reply {
  const [sv, en] = ACTIONS[action];
  const reply = emptyReply('unknown', input.lang, t(input, 'Det kan jag inte göra', 'I cannot do that'), '');
  reply.text = t(
    input,
    `Jag kan inte ${sv}: jag svarar bara på frågor om stimulansmedlen utifrån dokumenten (belopp, beräkningar, deadlines, fakturering, kontakter och fokusområden) och kan påminna om deadlines.`,
    `I cannot ${en}: I only answer questions about the stimulus funds from the documents (amounts, calculations, deadlines, invoicing, contacts and focus areas) and can remind you of deadlines.`,
  );
  reply.suggestions = [
    { title: t(input, 'Kontaktuppgifter', 'Contact details'), question: t(input, 'Vilka kontaktpersoner finns?', 'Which contacts are there?') },
    { title: t(input, 'Fakturering', 'Invoicing'), question: t(input, 'Hur fakturerar vi?', 'How do we invoice?') },
  ];
  return reply;
}

function uncoveredPlace(input: AnswerInput): Reply {
  const { u } = input;
  const names = u.uncovered.map((place) => (place.kind === 'municipality' ? t(input, `${place.name} kommun (${place.countyName})`, `${place.name} municipality (${place.countyName})`) : place.name));
  const list = joinList(names, input.lang);
  const reply = emptyReply('unknown', input.lang, t(input, 'Finns inte i dokumenten', 'Not in the documents'), '');
  const amounts = u.asks === 'amount' || u.intent === 'list';
  reply.text = amounts
    ? t(input, `${NOT_FOUND.sv} några belopp för ${list} i dokumenten.`, `${NOT_FOUND.en} any amounts for ${list} in the documents.`)
    : t(input, `${NOT_FOUND.sv} något om ${list} i dokumenten.`, `${NOT_FOUND.en} anything about ${list} in the documents.`);
  const counties = joinList(input.store.knowledge.places.filter((place) => place.kind === 'county' && input.store.yearsAbout(place.id).length > 0).map((place) => place.name), input.lang);
  reply.text += t(input, ` De gäller bara ${counties}.`, ` They only cover ${counties}.`);
  // "Vad fick Stockholms län för brukarmedverkan 2020 enligt nyckeln?": the national key the documents state holds for every county.
  // Gotland is a municipality and a county of the same name: a county key holds for it too.
  if (u.uncovered.some((place) => place.kind === 'county' || foldText(place.countyName).startsWith(foldText(place.name)))) {
    const keys = input.store.keys().filter((key) => key.recipients === 'county' && key.key.type !== 'notStated' && u.funds.includes(key.fund) && (!u.year || key.year === u.year));
    for (const key of keys) {
      const fund = input.store.fund(key.fund)?.name[input.lang].toLowerCase() ?? key.fund;
      reply.text += t(
        input,
        ` Den nationella fördelningsnyckeln för ${fund} ${key.year}, som gäller alla län, står i dokumenten: ”${key.source.quote}” Vilket belopp ett visst län fick står där inte.`,
        ` The documents give the national distribution key for ${fund} ${key.year}, which holds for every county, in Swedish: “${key.source.quote}” What a given county received is not stated.`,
      );
    }
  }
  if (u.places.length > 0) {
    const covered = joinList(u.places.map((match) => match.place.name), input.lang);
    reply.text += t(input, ` För ${covered} kan du fråga för sig.`, ` You can ask about ${covered} on its own.`);
    reply.suggestions = u.places.slice(0, 3).map((match) => ({ title: match.place.name, question: t(input, `Hur mycket får ${match.place.name}?`, `How much does ${match.place.name} get?`) }));
  }
  reply.known = knownPlaces(input);
  return reply;
}

const UNRECORDED_WORDS: Record<Unrecorded, [string, string]> = {
  spending: ['hur mycket som har använts eller finns kvar', 'how much has been spent or is left'],
  forecast: ['framtida belopp eller beslut', 'future amounts or decisions'],
  opinion: ['värderingar eller bedömningar av vad som är bäst', 'opinions or judgements of what is best'],
  salary: ['löner', 'salaries'],
};

/** A question about what no document records: said by name, with what the documents do hold, and no figure. */
function unrecorded(input: AnswerInput, kind: Unrecorded): Reply {
  const [sv, en] = UNRECORDED_WORDS[kind];
  const reply = emptyReply('unknown', input.lang, t(input, 'Finns inte i dokumenten', 'Not in the documents'), '');
  reply.text = t(
    input,
    `${NOT_FOUND.sv} det i dokumenten: de innehåller inget om ${sv}, bara beslutade och föreslagna belopp, fördelningsnycklar, deadlines, fakturering, kontakter och fokusområden.`,
    `${NOT_FOUND.en} that in the documents: they hold nothing on ${en}, only decided and proposed amounts, distribution keys, deadlines, invoicing, contacts and focus areas.`,
  );
  const place = input.u.place ?? input.u.places[0]?.place.id;
  reply.known = place ? knownAboutPlace(input, place) : knownPlaces(input);
  return reply;
}

/** A what-if the documents' keys do not cover: what is missing, by name, and no figure. */
function noWhatIf(input: AnswerInput, gap: WhatIfGap): Reply {
  const reply = emptyReply('unknown', input.lang, t(input, 'Kan inte räknas fram', 'Cannot be computed'), '');
  reply.text = t(input, `Jag kan inte räkna fram det: ${gap.sv}`, `I cannot work that out: ${gap.en}`);
  const place = input.u.places[0]?.place;
  if (place) reply.suggestions = [{ title: t(input, 'Hur räknades det?', 'How was it calculated?'), question: t(input, `Hur räknades beloppet för ${place.name} ut?`, `How was the amount for ${place.name} calculated?`) }];
  return reply;
}
