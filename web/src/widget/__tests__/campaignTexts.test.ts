import { describe, expect, it } from 'vitest';
import { welcomeText } from '../composables/useWidget';

const campaign = (messages: { language: 'es' | 'en' | 'pt'; welcome: string | null }[], defaultLanguage: 'es' | 'en' | 'pt' = 'pt') =>
  ({ id: 'c', name: 'C', askName: true, askEmail: false, askPhone: false, defaultLanguage, messages }) as unknown as Parameters<typeof welcomeText>[0];

describe('the welcome the widget shows', () => {
  it('speaks the visitor’s language, then the campaign’s own, then English', () => {
    const all = campaign([
      { language: 'es', welcome: 'Hola' },
      { language: 'pt', welcome: 'Olá' },
      { language: 'en', welcome: 'Hello' },
    ]);
    expect(welcomeText(all, 'es')).toBe('Hola');
    expect(welcomeText(campaign([{ language: 'pt', welcome: 'Olá' }, { language: 'en', welcome: 'Hello' }]), 'es')).toBe('Olá');
    expect(welcomeText(campaign([{ language: 'en', welcome: 'Hello' }]), 'es')).toBe('Hello');
    expect(welcomeText(campaign([{ language: 'es', welcome: '  ' }]), 'es')).toBeNull();
  });
});
