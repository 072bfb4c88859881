/**
 * The embed script, built as /widget.js. One tag on any page embeds the webchat:
 *
 *   <script src="https://parley.example/widget.js" data-campaign="<campaignId>" async></script>
 *
 * Optional attributes on the same tag:
 *   data-language="pt-BR"   the language to speak (es, en, pt, else en); default: the browser's
 *   data-color="#0f766e"    the launcher's and the chat's accent colour, as #rgb or #rrggbb
 *   data-position="left"    the corner to sit in: right (default) or left
 *
 * It adds a launcher button that opens the chat, <script origin>/widget, in an iframe panel; on a
 * phone the panel fills the screen and the chat's own close button hides it again. Whether the
 * panel is open survives a reload of the page (per tab).
 *
 * It runs as a classic script on someone else's page, so the build keeps it one file with no
 * imports left (options.ts is inlined), sets no globals, and styles only its own two elements.
 */
import { CLOSE_MESSAGE, inkOn, launcherLabels, PHONE_MEDIA, readEmbedOptions, widgetUrl } from './options';

(() => {
  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement)) return;
  const options = readEmbedOptions(script.dataset, navigator.language);
  if (!options) {
    console.warn('[parley] widget.js needs a data-campaign attribute');
    return;
  }

  const origin = new URL(script.src, window.location.href).origin;
  const labels = launcherLabels(options.language);
  const accent = options.accent ?? '#2f64d6';
  const side = options.position;
  const phone = window.matchMedia(PHONE_MEDIA);
  // Remembered per tab, so a reload of the host page keeps the chat open (or closed).
  const openKey = `parley.widget.open.${options.campaignId}`;

  const chatIcon =
    '<svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
  const closeIcon =
    '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/></svg>';

  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('data-parley-widget', 'button');
  Object.assign(button.style, {
    position: 'fixed',
    [side]: '20px',
    bottom: '20px',
    width: '56px',
    height: '56px',
    border: 'none',
    borderRadius: '50%',
    background: accent,
    color: inkOn(accent),
    boxShadow: '0 4px 14px rgba(0, 0, 0, 0.25)',
    cursor: 'pointer',
    alignItems: 'center',
    justifyContent: 'center',
    padding: '0',
    zIndex: '2147483000',
  });

  let frame: HTMLIFrameElement | null = null;
  let open = false;

  // The iframe is made on first open: pages that never open the chat never load it.
  function ensureFrame(): HTMLIFrameElement {
    if (frame) return frame;
    frame = document.createElement('iframe');
    frame.src = widgetUrl(origin, options!);
    // The frame's accessible name: the same word in es, en and pt.
    frame.title = 'Chat';
    // On another site the widget is a cross-origin frame: calls and audio messages need the page's leave.
    frame.allow = 'microphone; camera; autoplay';
    frame.setAttribute('data-parley-widget', 'frame');
    document.body.appendChild(frame);
    return frame;
  }

  /** Floating above the launcher, or the whole screen on a phone. */
  function layout(): void {
    const full = phone.matches;
    // On a phone the open panel covers the launcher; the chat's own close button takes its place.
    button.style.display = full && open ? 'none' : 'flex';
    if (!frame) return;
    Object.assign(frame.style, {
      display: open ? 'block' : 'none',
      position: 'fixed',
      left: full ? '0' : side === 'left' ? '20px' : 'auto',
      right: full ? '0' : side === 'right' ? '20px' : 'auto',
      top: full ? '0' : 'auto',
      bottom: full ? '0' : '88px',
      width: full ? '100%' : 'min(380px, calc(100vw - 40px))',
      height: full ? '100%' : 'min(580px, calc(100vh - 120px))',
      border: 'none',
      borderRadius: full ? '0' : '12px',
      boxShadow: full ? 'none' : '0 8px 30px rgba(0, 0, 0, 0.25)',
      background: 'transparent',
      zIndex: '2147483001',
    });
  }

  function setOpen(next: boolean): void {
    open = next;
    if (open) ensureFrame();
    layout();
    button.innerHTML = open ? closeIcon : chatIcon;
    button.setAttribute('aria-label', open ? labels.close : labels.open);
    button.setAttribute('aria-expanded', String(open));
    try {
      window.sessionStorage.setItem(openKey, open ? '1' : '0');
    } catch {
      // Storage blocked: the chat just starts closed after a reload.
    }
  }

  function wasOpen(): boolean {
    try {
      return window.sessionStorage.getItem(openKey) === '1';
    } catch {
      return false;
    }
  }

  button.addEventListener('click', () => {
    setOpen(!open);
    if (open) frame?.focus();
  });

  window.addEventListener('message', (event) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== origin) return;
    if ((event.data as { type?: unknown } | null)?.type !== CLOSE_MESSAGE) return;
    setOpen(false);
    button.focus();
  });

  phone.addEventListener('change', layout);

  function mount(): void {
    document.body.appendChild(button);
    setOpen(wasOpen());
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
})();
