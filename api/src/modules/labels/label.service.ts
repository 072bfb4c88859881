import { type Em, one, rows } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { conflict, notFound } from '../../shared/errors.js';
import { changed, type Committed, committed, directoryChanged, type DomainEvent } from '../domain-events/domain-event.js';
import { enforce, loadViews } from '../interactions/interaction.access.js';
import { ALL, campaignSql, peopleSql, type Scope } from '../auth/scope.rules.js';
import { cleanLabel, type LabelKind, renameRefusal } from './label.rules.js';
import type { LabelUse } from './label.type.js';
import { DirectoryPart } from '../directory/directory.enums.js';
import { transaction } from '../../db/transaction.js';

const PART: Record<LabelKind, DirectoryPart> = { TAG: DirectoryPart.TAG, SKILL: DirectoryPart.SKILL };

/*
 * Tags live in `tags` and reach chats through `interaction_tags`, so a rename is one row. Skills are
 * text arrays on people (`users.skills`) and chats (`interactions.expertise`), where routing reads
 * them without a join; `skills` is the catalog of names. A skill therefore "exists" when the catalog,
 * a person or a chat has it, and a rename or delete rewrites the arrays in the same transaction.
 *
 * Deleting a label in use removes it from where it is used rather than refusing with CONFLICT: an
 * administrator deletes a tag or skill because it is a mistake or obsolete, and one used once
 * would otherwise stay forever (the usual help-desk behaviour; the screen shows the counts and asks
 * first). Closed chats lose it too, so reports never show a label that no longer exists.
 */

const LOCK = { TAG: 0x7461_6773, SKILL: 0x736b_696c } as const;

/** Label changes of one kind run one at a time, so two renames cannot cross and leave a duplicate. */
const lock = (tx: Em, kind: LabelKind) => rows(tx, 'select pg_advisory_xact_lock(?)', [LOCK[kind]]);

const SKILL_EXISTS = `(exists (select 1 from skills where name = ?) or exists (select 1 from users where ? = any(skills))
                       or exists (select 1 from interactions where ? = any(expertise)))`;

async function exists(tx: Em, kind: LabelKind, name: string): Promise<boolean> {
  const found = kind === 'TAG' ? await one(tx, 'select 1 from tags where name = ?', [name]) : await one(tx, `select 1 where ${SKILL_EXISTS}`, [name, name, name]);
  return found !== null;
}

/** The open chats carrying a tag: the ones whose screens must show a rename or a delete at once. */
async function openChatsTagged(tx: Em, name: string): Promise<string[]> {
  const chats = await rows<{ id: string }>(
    tx,
    `select it.interaction_id as id from interaction_tags it join tags t on t.id = it.tag_id join interactions i on i.id = it.interaction_id
      where t.name = ? and i.phase <> 'CLOSED'`,
    [name],
  );
  return chats.map((c) => c.id);
}

/**
 * Every tag or skill with how many chats (and people) use it, by name. The names are every group's;
 * the counts are of the chats and people the scope reaches.
 */
export async function labelUsage(em: Em, kind: LabelKind, scope: Scope): Promise<LabelUse[]> {
  const chatsIn = campaignSql(scope, 'i.campaign_id');
  if (kind === 'TAG') {
    return rows<LabelUse>(
      em,
      `select t.name, coalesce(u.n, 0)::int as chats, 0 as people
         from tags t left join (select it.tag_id, count(*) as n from interaction_tags it join interactions i on i.id = it.interaction_id
                                 where ${chatsIn.sql} group by it.tag_id) u on u.tag_id = t.id
        order by t.name`,
      chatsIn.params,
    );
  }
  const peopleIn = peopleSql(scope, 'u.id');
  return rows<LabelUse>(
    em,
    `with p as (select s as name, count(*) as n from users u, unnest(u.skills) s where ${peopleIn.sql} group by s),
          c as (select s as name, count(*) as n from interactions i, unnest(i.expertise) s where ${chatsIn.sql} group by s),
          names as (select name from skills union select name from p union select name from c)
     select names.name, coalesce(c.n, 0)::int as chats, coalesce(p.n, 0)::int as people
       from names left join p using (name) left join c using (name)
      order by names.name`,
    [...peopleIn.params, ...chatsIn.params],
  );
}

/** Renaming and deleting are the ungrouped administrators' (`requireInstallationAdmin`): they count every use. */
async function usage(em: Em, kind: LabelKind, name: string): Promise<LabelUse> {
  return (await labelUsage(em, kind, ALL)).find((l) => l.name === name) ?? { name, chats: 0, people: 0 };
}

/** Makes a tag or skill before anything uses it; an existing name is a CONFLICT. */
export async function createLabel(ctx: Context, kind: LabelKind, rawName: string): Promise<Committed<LabelUse>> {
  const name = enforce(cleanLabel(rawName));
  await transaction(ctx.em, async (tx) => {
    await lock(tx, kind);
    if (await exists(tx, kind, name)) throw conflict(`"${name}" already exists`);
    await rows(tx, `insert into ${kind === 'TAG' ? 'tags' : 'skills'} (id, name) values (gen_random_uuid(), ?)`, [name]);
  });
  return committed({ name, chats: 0, people: 0 }, [directoryChanged(PART[kind])]);
}

/** Renames a tag or skill everywhere it is used, in one transaction; open chats show the new name at once. */
export async function renameLabel(ctx: Context, kind: LabelKind, rawName: string, rawNewName: string): Promise<Committed<LabelUse>> {
  const from = enforce(cleanLabel(rawName));
  const to = enforce(cleanLabel(rawNewName));
  const touched = await transaction(ctx.em, async (tx) => {
    await lock(tx, kind);
    if (!(await exists(tx, kind, from))) throw notFound(kind === 'TAG' ? 'Tag' : 'Skill');
    if (from === to) return { chats: [], people: false };
    const refusal = renameRefusal(from, to, await exists(tx, kind, to));
    if (refusal) throw conflict(refusal);
    if (kind === 'TAG') {
      const chats = await openChatsTagged(tx, from);
      await rows(tx, 'update tags set name = ? where name = ?', [to, from]);
      return { chats, people: false };
    }
    const upserted = await rows(tx, 'update skills set name = ? where name = ? returning id', [to, from]);
    if (upserted.length === 0) await rows(tx, 'insert into skills (id, name) values (gen_random_uuid(), ?)', [to]);
    const people = await rows(tx, 'update users set skills = array_replace(skills, ?, ?) where ? = any(skills) returning id', [from, to, from]);
    const chats = await rows<{ id: string; phase: string }>(tx, 'update interactions set expertise = array_replace(expertise, ?, ?) where ? = any(expertise) returning id, phase', [from, to, from]);
    return { chats: chats.filter((c) => c.phase !== 'CLOSED').map((c) => c.id), people: people.length > 0 };
  });
  return committed(await usage(ctx.em, kind, to), await touchedEvents(ctx, kind, touched));
}

/** Deletes a tag or skill and removes it from every chat and person that has it (see the note above). */
export async function deleteLabel(ctx: Context, kind: LabelKind, rawName: string): Promise<Committed<boolean>> {
  const name = enforce(cleanLabel(rawName));
  const touched = await transaction(ctx.em, async (tx) => {
    await lock(tx, kind);
    if (!(await exists(tx, kind, name))) throw notFound(kind === 'TAG' ? 'Tag' : 'Skill');
    if (kind === 'TAG') {
      // interaction_tags rows go with the tag (on delete cascade).
      const chats = await openChatsTagged(tx, name);
      await rows(tx, 'delete from tags where name = ?', [name]);
      return { chats, people: false };
    }
    await rows(tx, 'delete from skills where name = ?', [name]);
    const people = await rows(tx, 'update users set skills = array_remove(skills, ?) where ? = any(skills) returning id', [name, name]);
    const chats = await rows<{ id: string; phase: string }>(tx, 'update interactions set expertise = array_remove(expertise, ?) where ? = any(expertise) returning id, phase', [name, name]);
    return { chats: chats.filter((c) => c.phase !== 'CLOSED').map((c) => c.id), people: people.length > 0 };
  });
  return committed(true, await touchedEvents(ctx, kind, touched));
}

/**
 * After commit: open chats that changed are published like any other change, and waiting ones are
 * routed again (a chat that needed a deleted skill may now go to anyone).
 */
async function touchedEvents(ctx: Context, kind: LabelKind, touched: { chats: string[]; people: boolean }): Promise<DomainEvent[]> {
  const views = await loadViews(ctx.em, touched.chats);
  return [...views.flatMap((view) => changed(view, view)), directoryChanged(PART[kind]), ...(touched.people ? [directoryChanged(DirectoryPart.USER)] : [])];
}
