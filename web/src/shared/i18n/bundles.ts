import type { Language } from './language';

/** The texts one feature adds, per language, under its own top-level keys. */
export type MessageBundle = Record<Language, Record<string, unknown>>;

/**
 * Merges feature bundles into a base set of texts. Each feature keeps its texts beside its code
 * (`i18n.ts`), so features grow without touching one shared file; a key defined twice is a bug,
 * so it throws rather than letting one silently win.
 */
export function mergeBundles<T extends Record<string, unknown>>(base: Record<Language, T>, bundles: readonly MessageBundle[]): Record<Language, T> {
  const merged = { en: { ...base.en }, es: { ...base.es }, pt: { ...base.pt } } as Record<Language, Record<string, unknown>>;
  for (const bundle of bundles) {
    for (const language of ['en', 'es', 'pt'] as const) {
      for (const [key, value] of Object.entries(bundle[language])) {
        if (key in merged[language]) throw new Error(`The text key "${key}" is defined twice (${language}).`);
        merged[language][key] = value;
      }
    }
  }
  return merged as Record<Language, T>;
}

/** Lists the key paths of a nested text object, to check that every language has the same ones. */
export function keyPaths(texts: unknown, prefix = ''): string[] {
  if (typeof texts !== 'object' || texts === null) return [prefix];
  return Object.entries(texts)
    .flatMap(([key, value]) => keyPaths(value, prefix ? `${prefix}.${key}` : key))
    .sort();
}

/** The bundles found by an eager `import.meta.glob` of `i18n.ts` files. */
export function bundlesOf(modules: Record<string, { default: MessageBundle }>): MessageBundle[] {
  return Object.keys(modules)
    .sort()
    .map((path) => modules[path]!.default);
}
