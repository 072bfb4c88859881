/**
 * A close reads the chat and closes it in two statements, without holding the chat's lock in
 * between. A change that commits between the two must not be closed over: the close decides again on
 * the chat as it now is. The test holds the chat's row with its own lock, so the close's read goes
 * through and its write waits; the change is made and committed under that lock.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { type ApiProcess, startApi } from './support/api.js';
import { queryTestDatabase } from './support/database.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let admin: string;
let campaign: CampaignFixture;
let holder: Person;
let other: Person;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  [holder, other] = [await createPerson(api.url, admin, 'AGENT'), await createPerson(api.url, admin, 'AGENT')];
  campaign = await createCampaign(api.url, admin, { memberIds: [holder.id, other.id] });
});

afterAll(async () => {
  await api?.stop();
});

const CLOSE = 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { phase result } }';

async function heldChat(): Promise<string> {
  const chat = await startWidgetChat(api.url, campaign.id);
  await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, holder.token);
  return chat.id;
}

/** Runs `close` while the test holds the chat's row; once the close waits for it, `change` runs and commits. */
async function closeWhileChanged<T>(chatId: string, change: (tx: pg.Client) => Promise<unknown>, close: () => Promise<T>): Promise<T> {
  const tx = new pg.Client({ connectionString: inject('databaseUrl') });
  await tx.connect();
  try {
    await tx.query('begin');
    await tx.query('select 1 from interactions where id = $1 for update', [chatId]);
    const closing = close();
    // The close is whoever waits for this transaction's lock (other test files share the database).
    for (let waited = 0; ; waited += 20) {
      const waiting = await tx.query('select 1 from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))');
      if (waiting.rowCount) break;
      if (waited > 10_000) throw new Error('the close never reached its write');
      await new Promise((r) => setTimeout(r, 20));
    }
    await change(tx);
    await tx.query('commit');
    return await closing;
  } finally {
    await tx.end();
  }
}

const stored = async (id: string) =>
  (await queryTestDatabase<{ phase: string; agent_id: string | null; result: string | null }>('select phase, agent_id, result from interactions where id = $1', [id]))[0]!;

describe('a close decided on the chat as it was read', () => {
  it('is refused when the chat went to another agent between its read and its write', async () => {
    const id = await heldChat();
    const answer = await closeWhileChanged(
      id,
      (tx) => tx.query('update interactions set agent_id = $2 where id = $1', [id, other.id]),
      () => gql(api.url, CLOSE, { id }, holder.token),
    );
    // Another agent's chat is out of the former holder's sight altogether.
    expectCode(answer, 'NOT_FOUND');
    expect(await stored(id)).toMatchObject({ phase: 'IN_SERVICE', agent_id: other.id, result: null });
  });

  it('takes its result from the chat as it is when it closes (a transfer meanwhile makes it ESCALATED)', async () => {
    const id = await heldChat();
    const answer = await closeWhileChanged(
      id,
      (tx) => tx.query('update interactions set transfer_count = transfer_count + 1 where id = $1', [id]),
      () => ok(api.url, CLOSE, { id }, holder.token),
    );
    expect(answer.closeInteraction).toEqual({ phase: 'CLOSED', result: 'ESCALATED' });
    expect(await stored(id)).toMatchObject({ phase: 'CLOSED', result: 'ESCALATED' });
  });

  it('closes once when two closes race, and the second is told it is closed', async () => {
    const id = await heldChat();
    const second = await closeWhileChanged(
      id,
      // The first close commits while the second waits on the row.
      (tx) => tx.query("update interactions set phase = 'CLOSED', result = 'SUCCESS', closed_at = now() where id = $1", [id]),
      () => gql(api.url, CLOSE, { id }, holder.token),
    );
    expectCode(second, 'CONFLICT');
    const events = await queryTestDatabase<{ n: number }>("select count(*)::int as n from interaction_events where interaction_id = $1 and type = 'CLOSED'", [id]);
    expect(events[0]!.n).toBe(0);
  });

  it('answers the closed chat as a read after it would (tray, result, sequence of the closing text)', async () => {
    const id = await heldChat();
    const closed = await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id phase result lastSequence closedAt tray { kind } agent { id } } }', { id }, holder.token);
    const read = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { id phase result lastSequence closedAt tray { kind } agent { id } } }', { id }, admin);
    expect(closed.closeInteraction).toEqual(read.interaction);
    expect(closed.closeInteraction).toMatchObject({ phase: 'CLOSED', result: 'SUCCESS', tray: { kind: 'CLOSED' } });
  });
});
