import { useWidgetContext } from '../context';

/**
 * The embed script's CLOSE_MESSAGE (embed/options.ts), spelled out again: importing it would make
 * the build split it into a chunk that the classic embed script cannot load.
 */
const CLOSE_MESSAGE = 'parley:close';

/** The panel the embed script shows the widget in, which only the host page can hide. */
export function usePanel() {
  const { params } = useWidgetContext();

  function close(): void {
    // The host page's origin is not known here, and the message carries nothing secret; the embed
    // script checks that it comes from its own iframe and the widget's origin.
    window.parent.postMessage({ type: CLOSE_MESSAGE }, '*');
  }

  return { closable: params.embedded, close };
}
