/** Where the launcher and the panel sit on the host page. */
export type Position = 'left' | 'right';

/** What the host page asked for on the script tag, checked. */
export interface EmbedOptions {
  campaignId: string;
  /** A language tag ("pt-BR"): the tag's `data-language`, else the browser's. */
  language: string;
  /** `#rrggbb` from `data-color`, or null for Parley's own colours. */
  accent: string | null;
  position: Position;
}

/** The message the widget posts to its parent page to close the panel (its close button on a phone). */
export const CLOSE_MESSAGE = 'parley:close';

/** Below this the panel fills the screen: a floating panel would leave no room to type. */
export const PHONE_MEDIA = '(max-width: 480px), (max-height: 480px)';

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** `#abc` or `#aabbcc` as `#aabbcc`; anything else (names, rgb(), CSS injection) is refused. */
export function normalizeHex(value: string | undefined): string | null {
  const hex = value?.trim() ?? '';
  if (!HEX.test(hex)) return null;
  const digits = hex.slice(1).toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits}`;
}

/** Reads the script tag's data attributes; null without a campaign. */
export function readEmbedOptions(data: DOMStringMap, browserLanguage: string): EmbedOptions | null {
  const campaignId = data.campaign?.trim();
  if (!campaignId) return null;
  const asked = data.language?.trim();
  return {
    campaignId,
    language: asked && LANGUAGE_TAG.test(asked) ? asked : browserLanguage || 'en',
    accent: normalizeHex(data.color),
    position: data.position?.trim().toLowerCase() === 'left' ? 'left' : 'right',
  };
}

/** Dark or light ink, whichever reads better on the colour (WCAG relative luminance). */
export function inkOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Contrast with white is 1.05 / (L + 0.05); with near-black #1f2329 (L ≈ 0.016) it is (L + 0.05) / 0.066.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.066 ? '#ffffff' : '#1f2329';
}

/** The widget page inside the iframe; the accent and its ink travel with it so both sides match. */
export function widgetUrl(origin: string, options: EmbedOptions): string {
  const query = new URLSearchParams({ campaign: options.campaignId, lang: options.language });
  if (options.accent) {
    query.set('accent', options.accent);
    query.set('ink', inkOn(options.accent));
  }
  return `${origin}/widget?${query.toString()}`;
}

/** The launcher's labels, in the widget's languages (es, en, pt, else en). */
export function launcherLabels(language: string): { open: string; close: string } {
  switch (language.toLowerCase().split(/[-_]/)[0]) {
    case 'es':
      return { open: 'Abrir chat', close: 'Cerrar chat' };
    case 'pt':
      return { open: 'Abrir chat', close: 'Fechar chat' };
    default:
      return { open: 'Open chat', close: 'Close chat' };
  }
}
