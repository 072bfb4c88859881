import { useOsTheme } from 'naive-ui';
import { computed, ref, type ComputedRef } from 'vue';
import { readStored, writeStored } from '../storage';

export type ColorScheme = 'light' | 'dark';

const isScheme = (value: string | null): value is ColorScheme => value === 'light' || value === 'dark';

/**
 * Light or dark: the OS preference, unless the person chose otherwise. With a `storageKey` the
 * choice is remembered; without one (the widget) only the OS decides.
 */
export function useColorScheme(storageKey?: string): { scheme: ComputedRef<ColorScheme>; toggle: () => void } {
  const os = useOsTheme();
  const stored = storageKey ? readStored(storageKey) : null;
  const chosen = ref<ColorScheme | null>(isScheme(stored) ? stored : null);
  const scheme = computed<ColorScheme>(() => chosen.value ?? (os.value === 'dark' ? 'dark' : 'light'));

  function toggle(): void {
    chosen.value = scheme.value === 'dark' ? 'light' : 'dark';
    if (storageKey) writeStored(storageKey, chosen.value);
  }

  return { scheme, toggle };
}
