import { describe, expect, it } from 'vitest';
import { countryOf, spokenLanguage } from '../visitorLocale';

describe('the language a visitor tag names', () => {
  it('finds a language Parley speaks, whatever the region', () => {
    expect(spokenLanguage('pt-BR')).toBe('pt');
    expect(spokenLanguage('es')).toBe('es');
    expect(spokenLanguage('EN_gb')).toBe('en');
  });

  it('is none for a language Parley does not speak', () => {
    expect(spokenLanguage('de-DE')).toBeNull();
  });
});

describe('the country a visitor tag names', () => {
  it('reads the region of the tag', () => {
    expect(countryOf('pt-BR')).toBe('BR');
    expect(countryOf('de_AT')).toBe('AT');
    expect(countryOf('zh-Hant-TW')).toBe('TW');
  });

  it('is none without a country', () => {
    expect(countryOf('de')).toBeNull();
    expect(countryOf('es-419')).toBeNull();
    expect(countryOf('not a tag')).toBeNull();
  });
});
