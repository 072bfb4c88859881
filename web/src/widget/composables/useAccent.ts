import type { GlobalThemeOverrides } from 'naive-ui';
import { computed } from 'vue';
import { useWidgetContext } from '../context';

/**
 * The host page's accent colour (data-color on the script tag) over Parley's own, in both schemes,
 * with the ink the embed script chose for it on primary buttons. Undefined keeps Parley's colours
 * (null would not: a config provider given null drops the overrides it inherits).
 */
export function useAccent() {
  const { params } = useWidgetContext();
  const overrides = computed<GlobalThemeOverrides | undefined>(() => {
    const accent = params.accent;
    if (!accent) return undefined;
    const ink = accent.ink;
    return {
      common: { primaryColor: accent.color, primaryColorHover: accent.color, primaryColorPressed: accent.color, primaryColorSuppl: accent.color },
      Button: { textColorPrimary: ink, textColorHoverPrimary: ink, textColorPressedPrimary: ink, textColorFocusPrimary: ink },
    };
  });
  return { overrides, ink: computed(() => params.accent?.ink ?? null) };
}
