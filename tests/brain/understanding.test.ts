import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/brain/language.js';
import { understand } from '../../src/brain/understand.js';
import { brain, store } from './ask.js';

describe('reading what a question asks', () => {
  it.each([
    ['Hur mycket får Mora?', 'amount', 'mora', undefined, undefined],
    ['hur mkt får malung', 'amount', 'malung-salen', undefined, undefined],
    ['Sater belopp 2020', 'amount', 'sater', undefined, 2020],
    ['Moras andel', 'amount', 'mora', undefined, undefined],
    ['Region Dalarna brukarinflytande 2022', 'amount', 'dalarna', 'brukarmedverkan', 2022],
    ['stärkt samverkan Jämtland', 'amount', 'jamtland', 'samsjuklighet', undefined],
    ['UM-pengar Dalarna 2022', 'amount', 'dalarna', 'ungdomsmottagningar', 2022],
    ['när ska fakturan skickas?', 'deadline', undefined, undefined, undefined],
    ['vilken referenskod?', 'invoice', undefined, undefined, undefined],
    ['vilka kommuner får mest?', 'list', undefined, undefined, undefined],
    ['hur fördelas samsjuklighetsmedlen 2020?', 'key', undefined, 'samsjuklighet', 2020],
    ['vem är kontaktperson för Sydost?', 'contact', 'skane-sydost', undefined, undefined],
    ['vad ska suicidpreventionsmedlen användas till i Skåne?', 'focusArea', 'skane', 'suicidprevention', undefined],
    ['vad är Bostad först?', 'search', undefined, undefined, undefined],
    ['hej', 'greeting', undefined, undefined, undefined],
    ['hjälp', 'help', undefined, undefined, undefined],
    ['How much does Ludvika get for 2020?', 'amount', 'ludvika', undefined, 2020],
  ])('"%s" asks %s about %s', (text, intent, place, fund, year) => {
    const u = understand(text, {}, store);
    expect({ intent: u.intent, place: u.place, fund: u.fund, year: u.year }).toEqual({ intent, place, fund, year });
  });

  it.each([
    ['Hur mycket får Mora?', 'sv'],
    ['How much does Mora get?', 'en'],
    ['and Säter?', 'en'],
    ['vilken referenskod?', 'sv'],
    ['GLN?', undefined],
    // Short questions: one word of the language is enough.
    ['Gagnef allocation', 'en'],
    ['Leksand funding 2020', 'en'],
    ['share of Nordost', 'en'],
    ['Mora vs Orsa', undefined],
    ['Mora och Orsa tillsammans', 'sv'],
    ['skillnad Falun Borlänge', 'sv'],
  ])('"%s" is written in %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('answers a wordless follow-up in the language of the conversation, else Swedish, else the locale', () => {
    const first = brain.answer('How much does Mora get?');
    expect(brain.answer('Falun?', first.context).reply.lang).toBe('en');
    expect(brain.answer('GLN?').reply.lang).toBe('sv');
    expect(brain.answer('GLN?', {}, { locale: 'en-US' }).reply.lang).toBe('en');
  });

  it('carries place, fund and an explicit year into a follow-up, but not a year it chose itself', () => {
    const säter = brain.answer('hur mkt får Säter 2020');
    expect(säter.context).toMatchObject({ place: 'sater', year: 2020, intent: 'amount' });
    const falun = brain.answer('och Falun?', säter.context);
    expect(falun.reply.text).toContain('Falun 2020');
    const nordost = brain.answer('Hur mycket får Nordost?');
    expect(nordost.context.year).toBeUndefined();
    expect(brain.answer('och Mora?', nordost.context).reply.text).toContain('Mora 2020');
  });

  it('reads no further than a question can be long: what comes after 500 characters changes nothing', () => {
    const question = `Hur mycket får Mora? ${'x'.repeat(480)}`;
    const long = brain.answer(`${question} för 2022 ${'bla '.repeat(10_000)}`).reply;
    expect(long).toEqual(brain.answer(question).reply);
  });
});
