import { type Em, isUniqueViolation, one, rows } from '../../db/sql.js';
import type { Deps } from '../../shared/deps.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { type Committed, committed, directoryChanged, type DomainEvent } from '../domain-events/domain-event.js';
import { loadStatuses } from './agent.queries.js';
import type { PauseReason } from './agent.type.js';
import { cleanPauseName, validPauseIcon } from './pause-reason.rules.js';
import { DirectoryPart } from '../directory/directory.enums.js';

/** A stored pause reason; `active` is false once retired. */
export interface PauseReasonRow extends PauseReason {
  active: boolean;
}

const COLUMNS = 'id, name, icon, active';
const NAME_REFUSAL = 'A pause reason is 1 to 60 characters';
const ICON_REFUSAL = 'An icon is a name like "coffee"';

/** The reasons agents and supervisors may pause with; administrators also ask for the retired ones. */
export const listPauseReasons = (em: Em, includeRetired = false): Promise<PauseReasonRow[]> =>
  rows<PauseReasonRow>(em, `select ${COLUMNS} from pause_reasons where ? or active order by active desc, name`, [includeRetired]);

export async function createPauseReason(em: Em, name: string, icon: string): Promise<Committed<PauseReasonRow>> {
  const n = cleanPauseName(name);
  if (!n) throw badInput(NAME_REFUSAL, 'name');
  if (!validPauseIcon(icon)) throw badInput(ICON_REFUSAL, 'icon');
  try {
    const row = (await one<PauseReasonRow>(em, `insert into pause_reasons (id, name, icon, active) values (gen_random_uuid(), ?, ?, true) returning ${COLUMNS}`, [n, icon]))!;
    return committed(row, [directoryChanged(DirectoryPart.PAUSE_REASON)]);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('A pause reason with that name exists');
    throw err;
  }
}

export interface PauseReasonChanges {
  name?: string | null;
  icon?: string | null;
}

/**
 * Renames a reason or changes its icon. Agents paused with it show the new name and icon (their
 * state joins the reason by id); nothing else about them changes.
 */
export async function updatePauseReason(deps: Deps, em: Em, id: string, changes: PauseReasonChanges): Promise<Committed<PauseReasonRow>> {
  const name = changes.name == null ? null : cleanPauseName(changes.name);
  if (changes.name != null && !name) throw badInput(NAME_REFUSAL, 'name');
  if (changes.icon != null && !validPauseIcon(changes.icon)) throw badInput(ICON_REFUSAL, 'icon');
  try {
    const row = await one<PauseReasonRow>(em, `update pause_reasons set name = coalesce(?, name), icon = coalesce(?, icon) where id = ? returning ${COLUMNS}`, [name, changes.icon ?? null, id]);
    if (!row) throw notFound('Pause reason');
    return committed(row, [directoryChanged(DirectoryPart.PAUSE_REASON), ...(await pausedWith(deps, em, id))]);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('A pause reason with that name exists');
    throw err;
  }
}

/**
 * Retires a reason (no longer offered, and pausing with it is refused) or restores it. The row stays,
 * so agents already paused with it keep it until they resume and history keeps its name.
 */
export async function setPauseReasonActive(em: Em, id: string, active: boolean): Promise<Committed<PauseReasonRow>> {
  const row = await one<PauseReasonRow>(em, `update pause_reasons set active = ? where id = ? returning ${COLUMNS}`, [active, id]);
  if (!row) throw notFound('Pause reason');
  return committed(row, [directoryChanged(DirectoryPart.PAUSE_REASON)]);
}

/**
 * Agents paused with a reason whose name or icon changed: their state is the same, so refreshAgents
 * would publish nothing, yet their screens and the monitor show the reason. Told as they are.
 */
async function pausedWith(deps: Deps, em: Em, reasonId: string): Promise<DomainEvent[]> {
  const paused = await rows<{ user_id: string }>(em, 'select user_id from agent_status where paused and pause_reason_id = ?', [reasonId]);
  const views = await loadStatuses(
    em,
    paused.map((p) => p.user_id),
    deps.config.PRESENCE_GRACE_MS,
  );
  return views.map((status) => ({ kind: 'AGENT_SHOWN', status }));
}

/** Whether a reason is offered; for reasons read through an agent's state, which carries no flag. */
export async function isPauseReasonActive(em: Em, id: string): Promise<boolean> {
  return (await one<{ active: boolean }>(em, 'select active from pause_reasons where id = ?', [id]))?.active ?? false;
}
