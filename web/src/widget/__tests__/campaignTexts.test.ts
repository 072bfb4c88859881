import { describe, expect, it } from 'vitest';
import { campaignText, type WidgetCampaign } from '../campaignTexts';

type TextSet = Partial<WidgetCampaign['messages'][number]> & { language: 'es' | 'en' | 'pt' };

const campaign = (sets: TextSet[], defaultLanguage: 'es' | 'en' | 'pt' = 'pt'): WidgetCampaign => ({
  id: 'c',
  name: 'C',
  askName: true,
  askEmail: false,
  askPhone: false,
  allowOfflineMessages: false,
  allowAudio: false,
  allowVideo: false,
  botFirst: false,
  defaultLanguage,
  messages: sets.map((set) => ({ welcome: null, botWelcome: null, outOfHours: null, unavailable: null, offline: null, closing: null, ...set })),
});

/** Texts in Portuguese (the campaign's language) and English, none in Spanish. */
const portugueseAndEnglish = campaign([
  { language: 'pt', welcome: 'Olá' },
  { language: 'en', welcome: 'Hello' },
]);

describe('the campaign texts the widget shows', () => {
  it('speak the visitor’s language, then the campaign’s own, then English', () => {
    const all = campaign([
      { language: 'es', welcome: 'Hola' },
      { language: 'pt', welcome: 'Olá' },
      { language: 'en', welcome: 'Hello' },
    ]);
    expect(campaignText(all, 'welcome', 'es')).toBe('Hola');
    expect(campaignText(portugueseAndEnglish, 'welcome', 'es')).toBe('Olá');
    expect(campaignText(campaign([{ language: 'en', welcome: 'Hello' }]), 'welcome', 'es')).toBe('Hello');
  });

  it('are in the campaign language for a visitor whose language Parley does not speak', () => {
    expect(campaignText(portugueseAndEnglish, 'welcome', null)).toBe('Olá');
  });

  it('skip a language whose text is blank, and are null when no language has one', () => {
    const sets = campaign([
      { language: 'es', outOfHours: '  ' },
      { language: 'pt', outOfHours: 'Fechado' },
    ]);
    expect(campaignText(sets, 'outOfHours', 'es')).toBe('Fechado');
    expect(campaignText(sets, 'unavailable', 'es')).toBeNull();
  });
});
