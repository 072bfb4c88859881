/**
 * The conversation's history inline, in English and in Spanish (issue 15, "Missing from the
 * manuals" 1). A chat is taken, its status changed, tagged, transferred to another agent with a
 * note, joined and left by a helper: the receiving agent reads those lines between the messages, in
 * time order, and a new one appears without a reload. The customer reads none of the trail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY, screenshot, signInThroughForm, watchErrors } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { widgetWorld } from '../support/widget.js';
import { createCampaign, createPerson, PASSWORD, POST, startWidgetChat, type Person } from '../support/world.js';

const world = widgetWorld();

const TEXTS = {
  'en-US': { transferred: 'Transferred to', note: 'Note: VIP, refund promised', status: 'Status: In progress → Waiting for customer', joined: 'Joined to help', tags: 'Tags: refund' },
  'es-ES': { transferred: 'Transferido a', note: 'Nota: VIP, refund promised', status: 'Estado: En curso → Esperando al cliente', joined: 'Se unió para ayudar', tags: 'Etiquetas: refund' },
} as const;

const STATUS = 'mutation($id: ID!, $s: InteractionStatus!) { setInteractionStatus(id: $id, status: $s) { status } }';
const TRAIL = 'query($id: ID!) { interaction(id: $id) { events { type data } trailNames { id name } } }';

describe.each(Object.entries(TEXTS))('the conversation timeline (%s)', (locale, texts) => {
  let first: Person;
  let receiver: Person;
  let helper: Person;
  let chat: { id: string; visitorToken: string };
  const customerName = `Timeline ${locale}`;

  beforeAll(async () => {
    const campaign = await createCampaign(world.url, world.admin, { routingStrategy: 'MANUAL' });
    [first, receiver, helper] = await Promise.all([createPerson(world.url, world.admin, 'AGENT'), createPerson(world.url, world.admin, 'AGENT'), createPerson(world.url, world.admin, 'AGENT')]);
    chat = await startWidgetChat(world.url, campaign.id, customerName);
    const say = (token: string, body: string) => ok(world.url, POST, { input: { interactionId: chat.id, body } }, token);
    const act = (token: string, mutation: string, vars: Record<string, unknown> = {}) => ok(world.url, mutation, { id: chat.id, ...vars }, token);
    await say(chat.visitorToken, 'My refund never arrived.');
    await act(first.token, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }');
    await say(first.token, 'Let me check that for you.');
    await act(first.token, STATUS, { s: 'WAITING_FOR_CUSTOMER' });
    await act(first.token, STATUS, { s: 'IN_PROGRESS' });
    await act(first.token, 'mutation($id: ID!, $t: [String!]!) { setTags(id: $id, tags: $t) { id } }', { t: ['refund'] });
    await act(first.token, 'mutation($id: ID!, $to: TransferTargetInput!, $n: String) { transferInteraction(id: $id, to: $to, note: $n) { id } }', {
      to: { agentId: receiver.id },
      n: 'VIP, refund promised',
    });
    await act(receiver.token, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }');
    await act(receiver.token, STATUS, { s: 'NEEDS_HELP' });
    await act(helper.token, 'mutation($id: ID!) { joinInteraction(id: $id) { id } }');
    await say(helper.token, 'Refund approved.');
    await act(helper.token, 'mutation($id: ID!) { leaveInteraction(id: $id) { id } }');
  });

  it('the receiving agent reads the transfer, its note, the statuses, the tags and the helper between the messages, in order, and a new line live', JOURNEY, async () => {
    const page = await (await world.newContext(locale)).newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, world.url, receiver.email, PASSWORD);
    await page.goto(`${world.url}/inbox/${chat.id}`);
    const thread = page.getByRole('log');
    await thread.getByTestId('timeline-entry').filter({ hasText: texts.note }).waitFor();
    const order = async () =>
      thread
        .locator('[data-testid="timeline-entry"], [data-testid="message"]')
        .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.type ?? `message:${n.querySelector('.bubble__body')?.textContent ?? ''}`));
    const seen = await order();
    const at = (what: string) => seen.findIndex((x) => x === what || x.includes(what));
    const sequence = ['message:My refund never arrived.', 'TAKEN', 'message:Let me check that for you.', 'STATUS_CHANGED', 'TAGS_SET', 'TRANSFERRED', 'JOINED', 'message:Refund approved.', 'LEFT'].map(
      at,
    );
    expect(sequence.every((i) => i >= 0)).toBe(true);
    expect([...sequence].sort((a, b) => a - b)).toEqual(sequence);

    const entry = (type: string) => thread.locator(`[data-testid="timeline-entry"][data-type="${type}"]`);
    const transfer = await entry('TRANSFERRED').innerText();
    expect(transfer).toContain(`${texts.transferred} ${receiver.name}`);
    expect(transfer).toContain(first.name);
    expect(transfer).toContain(texts.note);
    expect(await entry('STATUS_CHANGED').first().innerText()).toContain(texts.status);
    expect(await entry('TAGS_SET').innerText()).toContain(texts.tags);
    expect(await entry('JOINED').innerText()).toContain(texts.joined);
    expect(await entry('JOINED').innerText()).toContain(helper.name);
    // A line, not a bubble: it is no message of anyone's.
    expect(await entry('JOINED').getAttribute('class')).not.toContain('bubble');

    const before = await entry('STATUS_CHANGED').count();
    await ok(world.url, STATUS, { id: chat.id, s: 'WAITING_FOR_CUSTOMER' }, receiver.token);
    // Live: the inbox's next frame brings the changed chat, and the trail is read again then; on a
    // loaded machine that takes longer than a poll's default second.
    await expect.poll(() => entry('STATUS_CHANGED').count(), { timeout: 10_000 }).toBe(before + 1);

    await screenshot(page, `timeline-${locale}`);
    await expectAccessible(page, 'a conversation with its timeline at 1280 px');
    await page.setViewportSize({ width: 390, height: 800 });
    await expectAccessible(page, 'a conversation with its timeline at 390 px');
    expect(errors).toEqual([]);
  });

  it('the customer cannot read the trail, its notes or the names in it', async () => {
    const data = await ok(world.url, TRAIL, { id: chat.id }, chat.visitorToken);
    expect(data.interaction).toEqual({ events: [], trailNames: [] });
    const staff = await ok(world.url, TRAIL, { id: chat.id }, receiver.token);
    expect(staff.interaction.events.find((e: { type: string }) => e.type === 'TRANSFERRED').data.note).toBe('VIP, refund promised');
    expect(staff.interaction.trailNames.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining([first.name, receiver.name, helper.name]));
  });
});
