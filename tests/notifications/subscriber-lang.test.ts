// Reminders are written in the language the conversation subscribed in; the client's locale only when none was kept.
import { describe, expect, it } from 'vitest';
import { subscriberLang } from '../../src/notifications/render.js';

describe('the language of a conversation’s reminders', () => {
  it('is the one it subscribed in, whatever the client’s locale', () => {
    expect(subscriberLang({ lang: 'sv', locale: 'en-US' })).toBe('sv');
    expect(subscriberLang({ lang: 'en', locale: 'sv-SE' })).toBe('en');
  });

  it('is the client’s when none was kept (a subscription made before languages were kept)', () => {
    expect(subscriberLang({ locale: 'en-GB' })).toBe('en');
    expect(subscriberLang({ locale: 'sv-SE' })).toBe('sv');
    expect(subscriberLang({})).toBe('sv');
  });
});
