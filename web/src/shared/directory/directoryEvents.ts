import { onScopeDispose } from 'vue';
import type { DirectoryPart } from '../../gql/graphql';

type Listener = (parts: readonly DirectoryPart[]) => void;

const listeners = new Set<Listener>();

/** Tells the screens that follow a directory by hand (not through a query of theirs) that it changed. */
export function announceDirectoryChange(parts: readonly DirectoryPart[]): void {
  for (const listener of listeners) listener(parts);
}

/**
 * Runs `listener` whenever one of `parts` changes, for as long as the calling component lives: for
 * what a screen holds outside Apollo's cache (the inbox's snapshot). Lists read through queries
 * follow on their own (`useLiveDirectories`).
 */
export function useDirectoryChange(parts: readonly DirectoryPart[], listener: () => void): void {
  const wanted = new Set(parts);
  const heard: Listener = (changed) => {
    if (changed.some((part) => wanted.has(part))) listener();
  };
  listeners.add(heard);
  onScopeDispose(() => listeners.delete(heard));
}
