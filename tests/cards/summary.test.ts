// The one line an answer is announced with (the message's text, the card's fallbackText): a whole sentence.
import { describe, expect, it } from 'vitest';
import { firstSentence, summaryLine } from '../../src/cards/summary.js';
import { brain } from '../brain/ask.js';

describe('the one-line summary of an answer', () => {
  it.each([
    ['Klart: påminnelser 30, 7 och 1 dagar före, kl. 09.00. Skriv ”avsluta” för att sluta.', 'Klart: påminnelser 30, 7 och 1 dagar före, kl. 09.00.'],
    ['Använd t.ex. Inexchange. Det går fort.', 'Använd t.ex. Inexchange.'],
    ['Se bl.a. avsnittet om fakturor. Mer finns.', 'Se bl.a. avsnittet om fakturor.'],
    ['Kontakta A. Andersson i Mora. Hon vet.', 'Kontakta A. Andersson i Mora.'],
    ['Mora får 593 461 kr. Det är 2020 års medel.', 'Mora får 593 461 kr.'],
  ])('is never cut at an abbreviation, a time or an initial: %s', (text, expected) => {
    expect(summaryLine(text)).toBe(expected);
  });

  it('says what a numbered list is, up to its colon, not "…störst först: 1."', () => {
    expect(summaryLine('De som får mest, störst först: 1. Falun 1 726 309 kr. 2. Borlänge 1 526 386 kr.')).toBe('De som får mest, störst först.');
  });

  it('is the whole text when it is one sentence, on one line', () => {
    expect(firstSentence('Jag hittar inte\nnågot svar.')).toBe('Jag hittar inte något svar.');
  });

  it.each(['Hur mycket får Mora?', 'prenumerera på påminnelser för Skåne', 'vilka kommuner får mest?', 'När ska fakturan skickas?', 'hjälp', 'Vilka deadlines gäller för Skåne?'])(
    'of a real answer ("%s") ends a sentence, never on "kl." or a list number',
    (question) => {
      const line = summaryLine(brain.answer(question).reply.text);
      expect(line).toMatch(/[.!?]$/);
      expect(line).not.toMatch(/(\bkl|\bt\.ex|\b\d{1,2})\.$/);
      expect(line).not.toContain('\n');
    },
  );
});
