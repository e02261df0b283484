// A question about one dated statement of the documents gets that statement's date, at the
// precision the document gives, with its quote; a generic deadline question or an unrelated one
// is left to the deadline list (undefined).
import { describe, expect, it } from 'vitest';
import { answerDated } from '../../src/brain/answers/dated.js';
import { answerDeadlineList } from '../../src/brain/answers/deadline.js';
import type { AnswerInput } from '../../src/brain/answer-context.js';
import { understand } from '../../src/brain/understand.js';
import { store, TODAY } from './ask.js';

function input(question: string): AnswerInput {
  const u = understand(question, {}, store);
  return { u, store, lang: u.lang, today: TODAY };
}

const ask = (question: string) => answerDated(input(question));

const SHOWN: [question: string, lang: 'sv' | 'en', dates: string[]][] = [
  ['Vilket datum var Länschefsnätverkets möte om fortsatt samverkansarbete?', 'sv', ['18 december 2020 (tryckt ”201218”)']],
  ['When did Länschefsnätverket take its decemberbeslut?', 'en', ['18 December 2020 (printed “201218”)']],
  ['Since when has the verksamhetsutvecklare for the youth clinics been in post?', 'en', ['1 August 2018']],
  ['Vilken dag började verksamhetsutvecklaren på ungdomsmottagningarna – när tillträdde hen?', 'sv', ['1 augusti 2018']],
  ['When was the user participation project plan approved?', 'en', ['13 December 2019 (printed “191213”)']],
  ['Vilket datum bildades nya Region Dalarna?', 'sv', ['1 januari 2019']],
  ['När slutförs anställningen av suicidpreventionssamordnaren?', 'sv', ['början av hösten 2018']],
  ['By when should a suicide prevention action plan be in place?', 'en', ['spring 2019']],
  ['När ska anställningen av suicidpreventionssamordnaren vara klar och när bör handlingsplanen finnas?', 'sv', ['början av hösten 2018', 'våren 2019']],
  ['I vilken månad kom 2019 års medel till regionen och kommunerna?', 'sv', ['juni 2019']],
  ['Until when do the measures of the December decision run?', 'en', ['until the end of 2023']],
  ['Under vilken period föreslås statsbidragen i Jämtland användas?', 'sv', ['2020–2021']],
  ['From when can a development lead take over the LAG on co-occurring conditions?', 'en', ['from autumn 2020']],
  ['Vilken vecka är den nationella satsningen för att uppmärksamma psykisk ohälsa?', 'sv', ['vecka 41']],
  ['When did the Central Tjänstemannaberedning decide the distribution in Skåne?', 'en', ['17 January 2023']],
  ['När informerades tjänstemannaberedningen i Skåne?', 'sv', ['17 januari 2023']],
  ['Till när ska RSS resurs för samsjuklighet vara anställd?', 'sv', ['till utgången av 2022']],
  ['When was BISAM made a permanent employee?', 'en', ['from 1 January 2022 (printed “från och med årsskiftet”)']],
  ['När fick Division psykiatri uppdraget att samordna suicidprevention?', 'sv', ['sommaren 2020']],
  ['Vilka år gäller Skånes länsgemensamma handlingsplan?', 'sv', ['2022–2023']],
  ['När kom de nationella riktlinjerna för missbruk och beroende?', 'sv', ['21 april 2015']],
  ['När startade projekten Plugga klart?', 'sv', ['januari 2016']],
  ['When does the Jämställd regional tillväxt project end?', 'en', ['September 2018']],
  ['När tog direktionen beslut om ansökan till ESF?', 'sv', ['december 2014']],
  ['När antogs ungdomsstrategin?', 'sv', ['2015']],
  ['When was the SIP knowledge day with Högskolan Dalarna held?', 'en', ['January 2018']],
  ['När blir de 25 medarbetarna färdiga med utbildningen i vård och stödsamordning?', 'sv', ['november 2018']],
  ['När ska förstudien om unga som varken arbetar eller studerar vara klar?', 'sv', ['december 2018']],
  ['When is the first extract of data from the pupil health database planned?', 'en', ['late spring 2019']],
  ['Hur länge pågår Samling för social hållbarhet?', 'sv', ['hösten 2016 – våren 2019']],
  ['När fattade chefsnätverket beslut om Öppna Jämförelser?', 'sv', ['våren 2018']],
];

describe('a question about a dated statement gets its date', () => {
  it.each(SHOWN)('%s', (question, lang, dates) => {
    const reply = ask(question);
    expect(reply, question).toBeDefined();
    expect(reply!.kind).toBe('deadline');
    expect(reply!.lang).toBe(lang);
    const shown = reply!.rows.map((row) => row.value);
    // The date in words first; "(tryckt ”201218”)" after it where the print is not those words.
    for (const date of dates) expect(shown.some((value) => value.startsWith(date)), `${date} in ${shown.join(' | ')}`).toBe(true);
    for (const date of dates) expect(reply!.text).toContain(date);
  });

  it('quotes the document and names its source', () => {
    const reply = ask('När godkändes projektplanen för brukarmedverkan?')!;
    expect(reply.quote?.quote).toBe('Projekt pågår och projektplan för 2020 (2019 års medel) är godkänd i Chefsnätverket (191213).');
    expect(reply.text).toContain('Citat: ”Projekt pågår och projektplan för 2020 (2019 års medel) är godkänd i Chefsnätverket (191213).”');
    expect(reply.sources.map((s) => s.file)).toEqual(['001_74a662b3024a3357.txt']);
    expect(reply.text).toMatch(/Källa: Förslag på användning av medel .*, 4\.2 Stärka brukarmedverkan\.$/);
  });

  it('says a proposal is a proposal, and what the year of a date without one is', () => {
    expect(ask('Under vilken period föreslås statsbidragen i Jämtland användas?')!.notes).toContain('Ett förslag till beslut, inte ett fattat beslut.');
    expect(ask('Vilken vecka är den nationella satsningen för att uppmärksamma psykisk ohälsa?')!.notes).toContain('Året står inte; PM:et gäller 2022.');
  });

  it('keeps to the place named: Skåne has no December decision', () => {
    expect(ask('När fattades decemberbeslutet i Skåne?')).toBeUndefined();
    expect(ask('När fattades decemberbeslutet?')!.figure).toBe('18 december 2020 (tryckt ”201218”)');
  });
});

const LEFT_TO_THE_LIST: string[] = [
  'När ska vi slutredovisa?',
  'when is the final report due for Dalarna 2020?',
  'När ska fakturan skickas?',
  'När måste pengarna vara använda i Skåne?',
  'Vilka deadlines gäller för Dalarna?',
  'När öppnar Systembolaget?',
  'Hur mycket får Mora 2020?',
  'Vad är BISAM?',
  'When is Christmas?',
];

describe('a question about no particular statement is left to the deadline list', () => {
  it.each(LEFT_TO_THE_LIST)('%s', (question) => {
    expect(ask(question)).toBeUndefined();
  });

  it('the deadline answer then lists the obligations', () => {
    const reply = answerDeadlineList(input('När ska vi slutredovisa i Dalarna?'));
    expect(reply.rows.map((row) => row.value)).toEqual(['31 mars 2021']);
  });
});
