import { type Em, isUniqueViolation, one, rows } from '../../db/sql.js';
import { badInput, conflict } from '../../shared/errors.js';
import type { PauseReason } from './agent.type.js';

export const listPauseReasons = (em: Em): Promise<PauseReason[]> => rows<PauseReason>(em, 'select id, name, icon from pause_reasons where active order by name');

export async function createPauseReason(em: Em, name: string, icon: string): Promise<PauseReason> {
  const n = name.trim();
  if (!n || n.length > 60) throw badInput('A pause reason is 1 to 60 characters', 'name');
  if (!/^[a-z0-9-]{1,40}$/.test(icon)) throw badInput('An icon is a name like "coffee"', 'icon');
  try {
    return (await one<PauseReason>(em, 'insert into pause_reasons (id, name, icon, active) values (gen_random_uuid(), ?, ?, true) returning id, name, icon', [n, icon]))!;
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('A pause reason with that name exists');
    throw err;
  }
}
