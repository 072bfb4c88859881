import { describe, expect, it } from 'vitest';
import { Language } from '../campaign.enums.js';
import { campaignText, formatProtocol, normalizeLanguage, protocolPrefixFor } from '../campaign.rules.js';

describe('campaign texts', () => {
  const messages = { es: { welcome: 'Hola' }, en: { welcome: 'Hello', closing: 'Bye' }, pt: { welcome: '  ' } };

  it('speaks the contact’s language when the campaign has the text', () => {
    expect(campaignText(messages, 'welcome', 'es-MX', Language.pt)).toBe('Hola');
  });

  it('falls back to the campaign default, then English', () => {
    expect(campaignText(messages, 'closing', 'es', Language.pt)).toBe('Bye');
    expect(campaignText(messages, 'welcome', 'pt-BR', Language.es)).toBe('Hola');
    expect(campaignText(messages, 'welcome', 'fr', Language.en)).toBe('Hello');
  });

  it('has nothing to send when no language has the text', () => {
    expect(campaignText(messages, 'unavailable', 'en', Language.en)).toBeNull();
  });

  it('narrows browser tags to es, en, pt', () => {
    expect(normalizeLanguage('pt-BR')).toBe('pt');
    expect(normalizeLanguage('EN')).toBe('en');
    expect(normalizeLanguage('fr-FR')).toBeNull();
    expect(normalizeLanguage(null)).toBeNull();
  });
});

describe('protocol numbers', () => {
  it('read as prefix, date and counter', () => {
    expect(formatProtocol('DEM', new Date('2026-11-21T10:00:00Z'), 100042)).toBe('DEM-261121-100042');
  });

  it('take three letters from the campaign name', () => {
    expect(protocolPrefixFor('Soporte técnico')).toBe('SOP');
    expect(protocolPrefixFor('42')).toBe('XXX');
  });
});
