import { describe, expect, it } from 'vitest';
import { ContactState } from '../../contacts/contact.enums.js';
import { Channel, Phase } from '../../interactions/interaction.enums.js';
import { TrayKind } from '../../trays/tray.enums.js';
import { agentMatches, chatMatches, type MonitorFilter } from '../monitor.rules.js';

const none: MonitorFilter = { campaignIds: [], agentIds: [], teamIds: [], channels: [], contact: null, protocol: null };
const chat = {
  campaignId: 'c1',
  agentId: 'a1',
  channel: Channel.WEBCHAT,
  phase: Phase.IN_SERVICE,
  protocol: 'DEM-261121-100042',
  contactName: 'Maria Souza',
  contactEmail: 'maria@example.com',
  contactPhone: '+55 (11) 99999-0000',
  contactState: ContactState.AGENT,
  trayKind: TrayKind.GENERAL as TrayKind | null,
};

describe('dashboard filters', () => {
  it('show everything when empty', () => {
    expect(chatMatches(none, chat, [])).toBe(true);
  });

  it('narrow by campaign, channel, agent and the agent’s team', () => {
    expect(chatMatches({ ...none, campaignIds: ['c2'] }, chat, [])).toBe(false);
    expect(chatMatches({ ...none, channels: [Channel.WHATSAPP] }, chat, [])).toBe(false);
    expect(chatMatches({ ...none, agentIds: ['a1'] }, chat, [])).toBe(true);
    expect(chatMatches({ ...none, agentIds: ['a1'] }, { ...chat, agentId: null }, [])).toBe(false);
    expect(chatMatches({ ...none, teamIds: ['t1'] }, chat, ['t1'])).toBe(true);
    expect(chatMatches({ ...none, teamIds: ['t1'] }, chat, ['t2'])).toBe(false);
  });

  it("show a key that does not supervise only the chats everyone may see: with a bot, or whose customer's time ran out", () => {
    const publicOnly = { ...none, publicOnly: true };
    expect(chatMatches(publicOnly, chat, [])).toBe(false);
    expect(chatMatches(publicOnly, { ...chat, phase: Phase.WAITING, agentId: null }, [])).toBe(false);
    expect(chatMatches(publicOnly, { ...chat, phase: Phase.BOT, agentId: null }, [])).toBe(true);
    expect(chatMatches(publicOnly, { ...chat, contactState: ContactState.EXPIRED }, [])).toBe(true);
  });

  it('find a contact by name, e-mail or number, whatever the number’s punctuation', () => {
    expect(chatMatches({ ...none, contact: 'souza' }, chat, [])).toBe(true);
    expect(chatMatches({ ...none, contact: 'maria@' }, chat, [])).toBe(true);
    expect(chatMatches({ ...none, contact: '11 99999' }, chat, [])).toBe(true);
    expect(chatMatches({ ...none, contact: 'pedro' }, chat, [])).toBe(false);
  });

  it('find a protocol by any part of it', () => {
    expect(chatMatches({ ...none, protocol: '100042' }, chat, [])).toBe(true);
    expect(chatMatches({ ...none, protocol: 'dem-261121' }, chat, [])).toBe(true);
    expect(chatMatches({ ...none, protocol: '999' }, chat, [])).toBe(false);
  });

  it('keep agent rows by agent and team', () => {
    expect(agentMatches({ ...none, teamIds: ['t1'] }, 'a1', ['t1', 't2'])).toBe(true);
    expect(agentMatches({ ...none, agentIds: ['a2'] }, 'a1', [])).toBe(false);
  });
});
