import { describe, expect, it } from 'vitest';
import { inkOn, launcherLabels, normalizeHex, readEmbedOptions, widgetUrl } from '../options';

describe('the embed script’s options', () => {
  it('need a campaign, and default to the browser’s language, Parley’s colours and the right corner', () => {
    expect(readEmbedOptions({}, 'pt-BR')).toBeNull();
    expect(readEmbedOptions({ campaign: ' c1 ' }, 'pt-BR')).toEqual({ campaignId: 'c1', language: 'pt-BR', accent: null, position: 'right' });
  });

  it('take the tag’s language, colour and corner when they are well formed', () => {
    expect(readEmbedOptions({ campaign: 'c1', language: 'es-MX', color: '#0F766E', position: 'Left' }, 'en-US')).toEqual({
      campaignId: 'c1',
      language: 'es-MX',
      accent: '#0f766e',
      position: 'left',
    });
    expect(readEmbedOptions({ campaign: 'c1', language: 'x"><', color: 'red;background:url(x)', position: 'top' }, 'en-US')).toEqual({
      campaignId: 'c1',
      language: 'en-US',
      accent: null,
      position: 'right',
    });
  });

  it('accept only hex colours, short ones widened', () => {
    expect(normalizeHex('#abc')).toBe('#aabbcc');
    expect(normalizeHex('rebeccapurple')).toBeNull();
  });

  it('write dark ink on light accents and white ink on dark ones', () => {
    expect(inkOn('#ffd400')).toBe('#1f2329');
    expect(inkOn('#2f64d6')).toBe('#ffffff');
    expect(inkOn('#0f766e')).toBe('#ffffff');
  });

  it('send the widget the campaign, the language, and the accent with its ink', () => {
    const options = { campaignId: 'c 1', language: 'es', accent: '#ffd400', position: 'right' as const };
    expect(widgetUrl('https://chat.example', options)).toBe('https://chat.example/widget?campaign=c+1&lang=es&accent=%23ffd400&ink=%231f2329');
  });

  it('label the launcher in es, en and pt, else English', () => {
    expect(launcherLabels('pt-BR').open).toBe('Abrir chat');
    expect(launcherLabels('es').close).toBe('Cerrar chat');
    expect(launcherLabels('fr-FR').close).toBe('Close chat');
  });
});
