// English words and phrases mapped to the Swedish the documents use, so that English questions find
// Swedish text: the passage search and the dated statements both read the question through it.
import { foldText } from '../text/normalize.js';
import type { Lang } from './format.js';

/** English words mapped to the Swedish the documents use, so English questions find Swedish text. */
const GLOSSARY: Record<string, string> = {
  week: 'vecka', housing: 'bostad', app: 'appen', youth: 'ungdom', young: 'unga', children: 'barn', child: 'barn',
  coordinator: 'samordnare', coordinators: 'samordnare', training: 'utbildning', trained: 'utbildade', instructor: 'instruktör',
  instructors: 'instruktörer', inhabitants: 'invånare', population: 'folkmängd', municipalities: 'kommuner', ongoing: 'pågående',
  work: 'arbeten', staff: 'medarbetare', employees: 'medarbetare', employee: 'medarbetare', suicide: 'suicid', users: 'brukare',
  user: 'brukar', clinic: 'mottagning', clinics: 'mottagningar', home: 'hem', report: 'rapport', requirements: 'krav', gender: 'jämställdhet',
  equality: 'jämställd', offer: 'erbjuder', offers: 'erbjuder', percentage: 'andel', survey: 'enkät', pilot: 'pilotprojekt',
  project: 'projekt', projects: 'projekt', fountain: 'fontänhus', use: 'använda', money: 'medlen', aid: 'hjälpen', first: 'första',
  purpose: 'syfte', purposes: 'syften', aim: 'syfte', aims: 'syften', goal: 'mål', goals: 'mål', agreement: 'överenskommelse',
  mental: 'psykisk', health: 'hälsa', three: 'tre', two: 'två', four: 'fyra', guidelines: 'riktlinjer', national: 'nationella',
  substance: 'missbruk', abuse: 'missbruk', addiction: 'beroende', dependency: 'beroende', care: 'vård', theme: 'tema', day: 'dag',
  participants: 'deltagare', attended: 'deltagare', people: 'personer', schools: 'skolor', school: 'skola', elderly: 'äldre',
  older: 'äldre', violence: 'våld', victims: 'våldsutsatta', prevention: 'förebyggande', networks: 'nätverk', network: 'nätverk',
  meeting: 'möte', meetings: 'möten', conference: 'konferens', education: 'utbildning', courses: 'utbildningar', course: 'utbildning',
  masculinity: 'manlighet', norms: 'normer', digital: 'digital', opening: 'öppettider', hours: 'öppettider', outreach: 'utåtriktat',
  strengthened: 'förstärkning', strengthen: 'förstärka', reinforced: 'förstärkning', development: 'utveckling', developed: 'utveckling',
  evaluation: 'utvärdering', evaluate: 'utvärdera', support: 'stöd', family: 'familj', families: 'familjer',
  parents: 'föräldrar', relatives: 'anhöriga', homeless: 'hemlöshet', homelessness: 'hemlöshet', employment: 'sysselsättning',
  subregional: 'delregionala', 'sub-regional': 'delregionala', prioritise: 'prioritera', prioritize: 'prioritera', prioritised: 'prioritera',
  prioritized: 'prioritera', prioritises: 'prioritera', prioritizes: 'prioritera', propose: 'förslag', proposes: 'förslag', proposal: 'förslag',
  proposals: 'förslag', bereaved: 'efterlevande', mandate: 'mandat', decides: 'beslutar', decide: 'beslutar', decided: 'beslutade',
  government: 'regeringen', extract: 'uttaget', database: 'databasen', routine: 'rutin', routines: 'rutiner',
  informing: 'informera', inform: 'informera', country: 'riket', offered: 'erbjuder', nationally: 'riket',
  exist: 'finnas', exists: 'finnas', finish: 'färdig', finished: 'färdig', completes: 'färdig', complete: 'färdig',
  arrive: 'tillhanda', arrived: 'tillhanda', arrives: 'tillhanda', late: 'sent', stopped: 'upphört', stop: 'upphört',
};

/** English phrases whose Swedish is one compound word (or a fixed phrase), translated before the words. */
const PHRASES: [RegExp, string][] = [
  [/\bpilot projects?\b/gi, 'pilotprojekt'],
  [/\bgaming projects?\b/gi, 'gamingprojekt'],
  [/\bhousing first\b/gi, 'bostad först'],
  [/\byouth (clinics?|centres?|centers?)\b/gi, 'ungdomsmottagningar'],
  [/\bsuicide prevention\b/gi, 'suicidprevention'],
  [/\btheme days?\b/gi, 'temadag'],
  [/\buser (participation|involvement|influence)\b/gi, 'brukarmedverkan'],
  [/\bfirst aid\b/gi, 'första hjälpen'],
  [/\baction plans?\b/gi, 'handlingsplan'],
  [/\bpeople (live|living)\b|\bresidents\b/gi, 'invånare'],
  [/\bset aside\b/gi, 'avsatt'],
  [/\bopen comparisons\b/gi, 'öppna jämförelser'],
  [/\bstudent health\b|\bpupil health\b|\bschool health\b/gi, 'elevhälso'],
  [/\bper year\b|\ba year\b|\bannually\b|\beach year\b/gi, 'årligen'],
];

export function translate(text: string, lang: Lang): string {
  if (lang === 'sv') return text;
  return translatePhrases(text, lang)
    .split(/\s+/)
    .map((word) => GLOSSARY[foldText(word)] ?? word)
    .join(' ');
}

/** Only the English phrases whose Swedish is one compound ("gaming project" → "gamingprojekt"): names, not loose words. */
export function translatePhrases(text: string, lang: Lang): string {
  if (lang === 'sv') return text;
  return PHRASES.reduce((phrased, [pattern, swedish]) => phrased.replace(pattern, swedish), text);
}
