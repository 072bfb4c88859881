import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../orm.js';
import { type Em, prepared, rows } from '../sql.js';
import { transaction } from '../transaction.js';
import { onTrailCommit, writesTrail } from '../trail-commits.js';

// Adds nothing (no interaction is named), but is a statement that adds to the trail.
const TRAIL = "insert into interaction_events (interaction_id, type, actor_kind, data, created_at) select gen_random_uuid(), 'NOTE_ADDED', 'SYSTEM', '{}', now() where false";
const TRAIL_PREPARED = prepared('test_trail_write', TRAIL.replace("'NOTE_ADDED'", '?::text'));

describe('a commit that added to the interaction trail', () => {
  let orm: MikroORM;
  let other: MikroORM;
  let told = 0;
  let toldOther = 0;
  const em = (): Em => orm.em.fork() as Em;

  beforeAll(async () => {
    orm = await MikroORM.init(ormOptions(inject('databaseUrl'), 2));
    other = await MikroORM.init(ormOptions(inject('databaseUrl'), 2));
    onTrailCommit(orm.em as Em, () => told++);
    onTrailCommit(other.em as Em, () => toldOther++);
  });
  afterAll(async () => {
    await orm.close();
    await other.close();
  });

  it('is told as the statement returns when it ran on its own, plain or prepared', async () => {
    told = 0;
    await rows(em(), TRAIL);
    expect(told).toBe(1);
    await rows(em(), TRAIL_PREPARED, ['NOTE_ADDED']);
    expect(told).toBe(2);
    // Reading the trail, or writing elsewhere, is no such commit.
    await rows(em(), 'select count(*) from interaction_events');
    await rows(em(), "update interaction_events set data = '{}' where false");
    expect(told).toBe(2);
    expect(toldOther).toBe(0);
  });

  it('is told once, after the commit, however many of its statements and savepoints wrote', async () => {
    told = 0;
    let toldInside = -1;
    await transaction(em(), async (tx) => {
      await rows(tx, TRAIL);
      await transaction(tx, async (inner) => rows(inner, TRAIL));
      await rows(tx, TRAIL);
      toldInside = told;
    });
    expect(toldInside).toBe(0);
    expect(told).toBe(1);
  });

  it('is not told of a transaction that rolled back, nor of one that wrote nothing to the trail', async () => {
    told = 0;
    await expect(
      transaction(em(), async (tx) => {
        await rows(tx, TRAIL);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await transaction(em(), (tx) => rows(tx, 'select 1'));
    expect(told).toBe(0);
  });

  it('knows the statements that add to the trail by their text', () => {
    expect(writesTrail('INSERT INTO "interaction_events" ("interaction_id") values ($1)')).toBe(true);
    expect(writesTrail('with x as (insert into interaction_events (interaction_id) select 1) select 1')).toBe(true);
    expect(writesTrail('insert into interaction_events_archive (id) values (1)')).toBe(false);
    expect(writesTrail('select * from interaction_events')).toBe(false);
  });
});
