// The channel commands as people write them: either language, any case, without diacritics, with the
// bot's mention anywhere; other messages are questions, not commands.
import { describe, expect, it } from 'vitest';
import { readChannelCommand } from '../../src/coordinator/command.js';

const CASES: [string, ReturnType<typeof readChannelCommand>][] = [
  ['använd den här kanalen för frågor till samordnare', { command: 'use', lang: 'sv' }],
  ['<at>Stimulansboten</at> använd den här kanalen för frågor till samordnare', { command: 'use', lang: 'sv' }],
  ['Använd den här kanalen för frågor till samordnare <at>Stimulansboten</at>.', { command: 'use', lang: 'sv' }],
  ['ANVAND DEN HAR KANALEN FOR FRAGOR TILL SAMORDNARE', { command: 'use', lang: 'sv' }],
  ['anvand denna kanal for fragor till samordnarna!', { command: 'use', lang: 'sv' }],
  ['Hej! Använd den här kanalen för frågor till samordnare, tack', { command: 'use', lang: 'sv' }],
  ['use this channel for coordinator questions', { command: 'use', lang: 'en' }],
  ['<at id="0">Stimulansboten</at>&nbsp;use this channel for coordinator questions', { command: 'use', lang: 'en' }],
  ['<at>Stimulansboten</at> Use this channel for coordinator questions, please', { command: 'use', lang: 'en' }],
  ['sluta använda den här kanalen för frågor till samordnare', { command: 'stop', lang: 'sv' }],
  ['<at>Stimulansboten</at> sluta använda den här kanalen', { command: 'stop', lang: 'sv' }],
  ['Sluta anvanda den har kanalen.', { command: 'stop', lang: 'sv' }],
  ['stop using this channel for coordinator questions', { command: 'stop', lang: 'en' }],
  ['Stop using this channel', { command: 'stop', lang: 'en' }],
  // Questions, not commands.
  ['Hur mycket får Mora?', undefined],
  ['vilken kanal används för frågor till samordnare?', undefined],
  ['använd inte den här kanalen för frågor till samordnare', undefined],
  ['use this channel', undefined],
  ['', undefined],
];

describe('reading the expert channel commands', () => {
  it.each(CASES)('“%s” is read as %j', (text, expected) => {
    expect(readChannelCommand(text)).toEqual(expected);
  });
});
