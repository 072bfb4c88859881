/**
 * `campaignAvailability`: what the widget asks before its form (issue 15, defect 8). Anyone may ask,
 * as anyone may start a webchat; the answer is the admission a chat started now would get, and
 * changes as the schedule and the queue do. A caller held to other campaigns learns nothing.
 */
import { describe, expect, it } from 'vitest';
import { expectCode, gql, ok } from './support/graphql.js';
import { apiWithAdmin } from './support/suite.js';
import { createApiKey, createCampaign, startWidgetChat } from './support/world.js';

const api = apiWithAdmin();

const AVAILABILITY = 'query($c: ID!) { campaignAvailability(campaignId: $c) { admission offlineMessagesAllowed } }';
const availability = async (campaignId: string, token?: string) => (await ok(api.url, AVAILABILITY, { c: campaignId }, token)).campaignAvailability;
const START = 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { admission offlineMessagesAllowed } }';
const startNow = async (campaignId: string) => (await ok(api.url, START, { i: { campaignId, channel: 'WEBCHAT', contact: { name: 'C' } } })).startInteraction;
const UPDATE = 'mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { id } }';
const CLOSED = { ranges: [], holidays: [] };

describe('a campaign’s availability, before any chat exists', () => {
  it('tells an anonymous visitor what a chat started now would be told, and follows the schedule', async () => {
    const campaign = await createCampaign(api.url, api.admin, { schedule: CLOSED, allowOfflineMessages: true });
    const closed = await availability(campaign.id);
    expect(closed).toEqual({ admission: 'OUT_OF_HOURS', offlineMessagesAllowed: true });
    expect(await startNow(campaign.id)).toEqual(closed);

    await ok(api.url, UPDATE, { id: campaign.id, input: { allowOfflineMessages: false } }, api.admin);
    expect(await availability(campaign.id)).toEqual({ admission: 'OUT_OF_HOURS', offlineMessagesAllowed: false });

    await ok(api.url, UPDATE, { id: campaign.id, input: { schedule: null } }, api.admin);
    expect(await availability(campaign.id)).toEqual({ admission: 'OPEN', offlineMessagesAllowed: false });
  });

  it('is FULL while the waiting limit is reached, and open again once a waiting chat leaves', async () => {
    const campaign = await createCampaign(api.url, api.admin, { waitingLimit: 1 });
    expect((await availability(campaign.id)).admission).toBe('OPEN');
    const waiting = await startWidgetChat(api.url, campaign.id);
    expect(await availability(campaign.id)).toEqual({ admission: 'FULL', offlineMessagesAllowed: false });
    expect(await startNow(campaign.id)).toEqual({ admission: 'FULL', offlineMessagesAllowed: false });
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: NO_ANSWER) { id } }', { id: waiting.id }, api.admin);
    expect((await availability(campaign.id)).admission).toBe('OPEN');
  });

  it('lets every chat in on a campaign whose chats start with its bot, as the start does', async () => {
    const campaign = await createCampaign(api.url, api.admin, { botFirst: true, schedule: CLOSED });
    expect((await availability(campaign.id)).admission).toBe('OPEN');
    expect((await startNow(campaign.id)).admission).toBe('OPEN');
  });

  it('answers NOT_FOUND for a campaign that does not exist or that the caller is held away from', async () => {
    const [mine, theirs] = await Promise.all([createCampaign(api.url, api.admin), createCampaign(api.url, api.admin)]);
    const key = await createApiKey(api.url, api.admin, ['CHANNEL'], [mine.id]);
    expect((await availability(mine.id, key)).admission).toBe('OPEN');
    expectCode(await gql(api.url, AVAILABILITY, { c: theirs.id }, key), 'NOT_FOUND');
    expectCode(await gql(api.url, AVAILABILITY, { c: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND');
  });
});
