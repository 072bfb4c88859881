import { useI18n } from 'vue-i18n';
import { TRAIL_TYPES, type TrailActor, type TrailLine } from './trail';

/** A trail line in the reader's words: what happened, who did it, and the note left with it. */
export function useTrailText() {
  const { t, te } = useI18n();

  function who(actor: TrailActor): string {
    return actor.kind === 'person' ? actor.name : t(`trail.actor.${actor.kind}`);
  }

  // Statuses and results are words the app already has; the API gives their codes.
  function what(line: TrailLine): string {
    const params = { ...line.params };
    if (line.key === 'STATUS_CHANGED') for (const k of ['from', 'to'] as const) params[k] = te(`status.${params[k]}`) ? t(`status.${params[k]}`) : (params[k] ?? '');
    if (line.key === 'CLOSED' && te(`chatActions.result.${params.value}`)) params.value = t(`chatActions.result.${params.value}`);
    return TRAIL_TYPES.includes(line.key) ? t(`trail.event.${line.key}`, params) : line.key;
  }

  const note = (line: TrailLine): string => (line.params.note ? t('trail.note', { note: line.params.note }) : '');

  return { who, what, note };
}
