import { inject, onScopeDispose, type InjectionKey } from 'vue';

export type ReconnectListener = () => void;

/** Registers a listener for "the socket is back after a drop"; returns its removal. */
export type OnReconnect = (listener: ReconnectListener) => () => void;

export const OnReconnectKey: InjectionKey<OnReconnect> = Symbol('parley.onReconnect');

/**
 * Runs `listener` whenever the subscription socket reconnects, for as long as the calling
 * component lives. Events published while the socket was down are gone, so screens that live
 * on events refetch their snapshot here.
 */
export function useOnReconnect(listener: ReconnectListener): void {
  const onReconnect = inject(OnReconnectKey, null);
  if (!onReconnect) return;
  onScopeDispose(onReconnect(listener));
}
