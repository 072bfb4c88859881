import { NButton, useNotification, type NotificationReactive } from 'naive-ui';
import { h, onScopeDispose, readonly, ref } from 'vue';

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
  /** Stays on screen until opened or dismissed, even in a visible tab (a chat given to the agent). */
  sticky?: boolean;
}

export interface NoticeHandle {
  close: () => void;
}

const VISIBLE_MS = 12_000;

/** The system notification, for a tab in the background whose person allowed them. */
function systemNotice(notice: { title: string; body: string }, onClick: () => void): Notification | null {
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

/**
 * Shows notices in the app (and as system notifications while the tab is hidden), counted for the
 * tab title. Whatever is still waiting when the caller's component goes (at sign-out) is closed,
 * so nothing outlives the session and the count returns to zero.
 */
export function useNotifier() {
  const notifications = useNotification();
  const waiting = new Set<NoticeHandle>();

  /**
   * Counts something for the tab title and, while the tab is hidden, shows it as a system
   * notification; the caller shows it on screen its own way (a ringing call has its own panel).
   */
  function attend(notice: { title: string; body: string }, onOpen: () => void = () => undefined, onClose: () => void = () => undefined): NoticeHandle {
    open.value++;
    const system = systemNotice(notice, onOpen);
    const handle: NoticeHandle = {
      close: () => {
        if (!waiting.delete(handle)) return;
        open.value--;
        system?.close();
        onClose();
      },
    };
    waiting.add(handle);
    return handle;
  }

  function notify(notice: Notice): NoticeHandle {
    const run = () => {
      handle.close();
      notice.open?.run();
    };
    // Set once the in-app notice exists; the system one (made first) can only be clicked later.
    let shown: NotificationReactive | null = null;
    const handle = attend(notice, run, () => shown?.destroy());
    shown = notifications.create({
      title: notice.title,
      content: () =>
        h(
          'div',
          notice.open
            ? { 'data-testid': notice.testId, role: 'button', tabindex: 0, style: 'cursor: pointer', onClick: run, onKeydown: (e: KeyboardEvent) => e.key === 'Enter' && run() }
            : { 'data-testid': notice.testId },
          notice.body,
        ),
      action: () => (notice.open ? h(NButton, { size: 'small', type: 'primary', secondary: true, onClick: run }, () => notice.open!.label) : null),
      duration: document.hidden || notice.sticky ? undefined : VISIBLE_MS,
      keepAliveOnHover: true,
      onAfterLeave: handle.close,
    });
    return handle;
  }

  onScopeDispose(() => [...waiting].forEach((handle) => handle.close()));

  return { notify, attend };
}
