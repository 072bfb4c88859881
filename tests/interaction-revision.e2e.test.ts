/**
 * `interactions.revision`, which lets a send decide on the view of the chat's last send: the database
 * bumps it at every change of the chat a rule may read, and not at a message's own bookkeeping (else no kept
 * view would ever be current). Changes go through the API; the revision is read where it is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { queryTestDatabase } from './support/database.js';
import { ok } from './support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, POST, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let admin: string;
let campaign: CampaignFixture;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin);
});

afterAll(async () => {
  await api?.stop();
});

const revisionOf = async (id: string) => (await queryTestDatabase<{ revision: number }>('select revision from interactions where id = $1', [id]))[0]!.revision;

describe('a chat’s revision', () => {
  it('stays through messages, and moves with its status and its participants', async () => {
    const [holder, helper] = [await createPerson(api.url, admin, 'AGENT'), await createPerson(api.url, admin, 'AGENT')];
    const chat = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, holder.token);
    const taken = await revisionOf(chat.id);

    for (const [token, body] of [
      [holder.token, 'hello'],
      [chat.visitorToken, 'hi'],
      [holder.token, 'how can I help?'],
    ]) {
      await ok(api.url, POST, { input: { interactionId: chat.id, body } }, token);
    }
    expect(await revisionOf(chat.id)).toBe(taken);

    await ok(api.url, 'mutation($id: ID!) { setInteractionStatus(id: $id, status: NEEDS_HELP) { id } }', { id: chat.id }, holder.token);
    const asked = await revisionOf(chat.id);
    expect(asked).toBeGreaterThan(taken);

    await ok(api.url, 'mutation($id: ID!) { joinInteraction(id: $id) { id } }', { id: chat.id }, helper.token);
    const joined = await revisionOf(chat.id);
    expect(joined).toBeGreaterThan(asked);
    await ok(api.url, 'mutation($id: ID!) { leaveInteraction(id: $id) { id } }', { id: chat.id }, helper.token);
    const left = await revisionOf(chat.id);
    expect(left).toBeGreaterThan(joined);
  });

  it('is kept by a trigger that watches every column but a message’s bookkeeping', async () => {
    // PostgreSQL names a trigger's columns when it is made: a migration that adds a column to
    // interactions runs WATCH_EVERY_COLUMN (Migration20261206000030) again, or this fails.
    const [row] = await queryTestDatabase<{ watched: string[]; columns: string[] }>(
      `select array(select a.attname::text from pg_trigger t cross join unnest(t.tgattr::int2[]) k(n) join pg_attribute a on a.attrelid = t.tgrelid and a.attnum = k.n
                     where t.tgname = 'interactions_revision' order by 1) as watched,
              array(select attname::text from pg_attribute where attrelid = 'interactions'::regclass and attnum > 0 and not attisdropped
                       and attname not in ('last_sequence', 'updated_at') order by 1) as columns`,
    );
    expect(row!.watched).toEqual(row!.columns);
    expect(row!.watched).toContain('status');
  });

  it('counts every column of the row but a message’s bookkeeping, whatever writes it', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const at = await revisionOf(chat.id);
    const set = (assignments: string) => queryTestDatabase(`update interactions set ${assignments} where id = $1`, [chat.id]);
    await set('last_sequence = last_sequence + 1, updated_at = now()');
    await set('country = country');
    expect(await revisionOf(chat.id)).toBe(at);
    await set(`notes = coalesce(notes, '[]'::jsonb) || '["seen"]'::jsonb`);
    expect(await revisionOf(chat.id)).toBe(at + 1);
    await set(`expertise = array['billing']`);
    expect(await revisionOf(chat.id)).toBe(at + 2);
    await set('queued_at = null');
    expect(await revisionOf(chat.id)).toBe(at + 3);
  });
});
