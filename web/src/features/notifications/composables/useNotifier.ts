import { NButton, useNotification } from 'naive-ui';
import { h, readonly, ref, type VNodeChild } from 'vue';

// One count for every feature's notices: the tab title shows it.
const open = ref(0);

/** How many notices are waiting for the person (the tab title shows it). */
export const attentionCount = readonly(open);

export interface Notice {
  title: string;
  body: string;
  /** The browser tests' name for the notice's body. */
  testId: string;
  /** Opening the notice: a click on it, its Open action, or on the system notification. */
  open?: { label: string; run: () => void };
  /** Custom actions instead of Open (e.g. Accept / Decline); they get the notice to close it. */
  actions?: (notice: NoticeHandle) => VNodeChild;
  /** Stays until acted upon; other notices stay only while the tab is hidden. */
  sticky?: boolean;
}

export interface NoticeHandle {
  close: () => void;
}

const VISIBLE_MS = 12_000;

/** The system notification, for a tab in the background whose person allowed them. */
function systemNotice(notice: Notice, onClick: () => void): Notification | null {
  if (!document.hidden || !('Notification' in window) || Notification.permission !== 'granted') return null;
  const shown = new Notification(notice.title, { body: notice.body });
  shown.onclick = () => {
    window.focus();
    onClick();
  };
  return shown;
}

/** Asks once for system notifications, on the person's first click: browsers ignore asks made without one. */
export function askForSystemNotices(): void {
  if (!('Notification' in window) || Notification.permission !== 'default') return;
  window.addEventListener('pointerdown', () => void Notification.requestPermission(), { once: true });
}

/** Shows notices in the app (and as system notifications while the tab is hidden), counted for the tab title. */
export function useNotifier() {
  const notifications = useNotification();

  function notify(notice: Notice): NoticeHandle {
    open.value++;
    let counted = true;
    const settle = () => {
      if (!counted) return;
      counted = false;
      open.value--;
    };
    const run = () => {
      handle.close();
      notice.open?.run();
    };
    const system = systemNotice(notice, run);
    const shown = notifications.create({
      title: notice.title,
      content: () =>
        h(
          'div',
          notice.open
            ? { 'data-testid': notice.testId, role: 'button', tabindex: 0, style: 'cursor: pointer', onClick: run, onKeydown: (e: KeyboardEvent) => e.key === 'Enter' && run() }
            : { 'data-testid': notice.testId },
          notice.body,
        ),
      action: () =>
        notice.actions
          ? notice.actions(handle)
          : notice.open
            ? h(NButton, { size: 'small', type: 'primary', secondary: true, onClick: run }, () => notice.open!.label)
            : null,
      duration: notice.sticky || document.hidden ? undefined : VISIBLE_MS,
      keepAliveOnHover: true,
      onAfterLeave: settle,
    });
    const handle: NoticeHandle = {
      close: () => {
        settle();
        system?.close();
        shown.destroy();
      },
    };
    return handle;
  }

  return { notify };
}
