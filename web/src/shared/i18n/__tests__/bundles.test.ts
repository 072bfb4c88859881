import { describe, expect, it } from 'vitest';
import { keyPaths, mergeBundles } from '../bundles';

describe('feature text bundles', () => {
  it('merge beside the base texts', () => {
    const merged = mergeBundles({ en: { a: 'A' }, es: { a: 'A-es' }, pt: { a: 'A-pt' } }, [{ en: { b: { c: 'C' } }, es: { b: { c: 'C-es' } }, pt: { b: { c: 'C-pt' } } }]);
    expect(merged.es).toEqual({ a: 'A-es', b: { c: 'C-es' } });
  });

  it('refuse a key that two bundles define', () => {
    expect(() => mergeBundles({ en: { a: 'A' }, es: { a: 'A' }, pt: { a: 'A' } }, [{ en: { a: 'B' }, es: {}, pt: {} }])).toThrow(/"a" is defined twice/);
  });

  it('list the key paths of nested texts', () => {
    expect(keyPaths({ b: { d: 'x', c: 'y' }, a: 'z' })).toEqual(['a', 'b.c', 'b.d']);
  });
});

describe('every text bundle in the web app', () => {
  const bundles = import.meta.glob<{ default: Record<'en' | 'es' | 'pt', unknown> }>(['../../../**/i18n.ts'], { eager: true });
  const bases = import.meta.glob<{ default: unknown }>(['../../../*/i18n/{en,es,pt}.ts'], { eager: true });

  it.each(Object.keys(bundles))('%s has the same texts in es, en and pt', (path) => {
    const bundle = bundles[path]!.default;
    expect(keyPaths(bundle.es)).toEqual(keyPaths(bundle.en));
    expect(keyPaths(bundle.pt)).toEqual(keyPaths(bundle.en));
  });

  it.each(['app', 'widget'])('the %s base texts have the same keys in es, en and pt', (part) => {
    const of = (language: string) => keyPaths(bases[`../../../${part}/i18n/${language}.ts`]!.default);
    expect(of('es')).toEqual(of('en'));
    expect(of('pt')).toEqual(of('en'));
  });
});
