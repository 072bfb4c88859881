import { computed, onScopeDispose, ref } from 'vue';

/** Wide enough for list, conversation and info panel side by side; narrower, the panel becomes a drawer. */
const WIDE_QUERY = '(min-width: 1280px)';

/**
 * Where the info panel goes: beside the chat on wide screens (shown unless hidden), in a drawer on
 * narrower ones (hidden unless asked for, since it would cover the chat). One toggle serves both.
 */
export function useInfoPlacement() {
  const media = window.matchMedia(WIDE_QUERY);
  const wide = ref(media.matches);
  const update = (event: MediaQueryListEvent) => (wide.value = event.matches);
  media.addEventListener('change', update);
  onScopeDispose(() => media.removeEventListener('change', update));

  const pinned = ref(true);
  const drawer = ref(false);

  function toggle(): void {
    if (wide.value) pinned.value = !pinned.value;
    else drawer.value = !drawer.value;
  }

  return { wide, pinned, drawer, open: computed(() => (wide.value ? pinned.value : drawer.value)), toggle };
}
