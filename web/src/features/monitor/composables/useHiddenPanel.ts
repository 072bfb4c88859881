import { computed, ref } from 'vue';
import { readStored, writeStored } from '../../../shared/storage';
import { parseHidden, toggleHidden, type HiddenSet } from '../monitorRules';

const KEY = 'parley.monitor.hidden';

/** Agents and teams taken off this browser's panel, remembered here only (a view preference, not shared data). */
export function useHiddenPanel() {
  const hidden = ref<HiddenSet>(parseHidden(readStored(KEY)));
  const showHidden = ref(false);

  function toggle(kind: keyof HiddenSet, id: string): void {
    hidden.value = toggleHidden(hidden.value, kind, id);
    writeStored(KEY, JSON.stringify(hidden.value));
  }

  return { hidden, showHidden, toggle, count: computed(() => hidden.value.agents.length + hidden.value.teams.length) };
}
