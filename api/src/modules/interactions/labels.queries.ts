import { rows, type Em } from '../../db/sql.js';

/** Every tag in use, to pick from before creating a new one. */
export async function knownTags(em: Em): Promise<string[]> {
  return (await rows<{ name: string }>(em, 'select name from tags order by lower(name)')).map((r) => r.name);
}

/** Every skill in the catalog or some active person has: the expertise a chat can ask for and be routed by. */
export async function knownSkills(em: Em): Promise<string[]> {
  return (await rows<{ name: string }>(em, 'select name from skills union select unnest(skills) from users where active order by 1')).map((r) => r.name);
}
