/**
 * The embed script, built as /widget.js. One tag on any page:
 *   <script src="https://parley.example/widget.js" data-campaign="<campaignId>"></script>
 * adds a floating button that opens the chat in an iframe at
 *   <script origin>/widget?campaign=<id>&lang=<browser language>.
 *
 * It runs as a classic script on someone else's page, so it lives inside one function: no
 * globals, no imports, no styles that could leak into the host page.
 */
(() => {
  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement)) return;
  const campaignId = script.dataset.campaign?.trim();
  if (!campaignId) {
    console.warn('[parley] widget.js needs a data-campaign attribute');
    return;
  }

  const origin = new URL(script.src, window.location.href).origin;
  const language = navigator.language || 'en';
  const src = `${origin}/widget?campaign=${encodeURIComponent(campaignId)}&lang=${encodeURIComponent(language)}`;
  const base = language.toLowerCase().split('-')[0];
  const labels = base === 'es' ? ['Abrir chat', 'Cerrar chat'] : base === 'pt' ? ['Abrir chat', 'Fechar chat'] : ['Open chat', 'Close chat'];
  // Remembered per tab, so a reload of the host page keeps the chat open.
  const openKey = `parley.widget.open.${campaignId}`;

  const chatIcon =
    '<svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
  const closeIcon =
    '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/></svg>';

  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('data-parley-widget', 'button');
  Object.assign(button.style, {
    position: 'fixed',
    right: '20px',
    bottom: '20px',
    width: '56px',
    height: '56px',
    border: 'none',
    borderRadius: '50%',
    background: '#2f64d6',
    color: '#fff',
    boxShadow: '0 4px 14px rgba(0, 0, 0, 0.25)',
    cursor: 'pointer',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: '0',
    zIndex: '2147483000',
  });

  let frame: HTMLIFrameElement | null = null;

  // The iframe is made on first open: pages that never open the chat never load it.
  function ensureFrame(): HTMLIFrameElement {
    if (frame) return frame;
    frame = document.createElement('iframe');
    frame.src = src;
    frame.title = labels[0]!;
    frame.setAttribute('data-parley-widget', 'frame');
    Object.assign(frame.style, {
      position: 'fixed',
      right: '20px',
      bottom: '88px',
      width: 'min(380px, calc(100vw - 40px))',
      height: 'min(580px, calc(100vh - 120px))',
      border: 'none',
      borderRadius: '12px',
      boxShadow: '0 8px 30px rgba(0, 0, 0, 0.25)',
      background: 'transparent',
      zIndex: '2147483000',
    });
    document.body.appendChild(frame);
    return frame;
  }

  function setOpen(open: boolean): void {
    if (open) ensureFrame().style.display = 'block';
    else if (frame) frame.style.display = 'none';
    button.innerHTML = open ? closeIcon : chatIcon;
    button.setAttribute('aria-label', open ? labels[1]! : labels[0]!);
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

  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));

  function mount(): void {
    document.body.appendChild(button);
    setOpen(wasOpen());
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
})();
