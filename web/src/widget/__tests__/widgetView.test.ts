import { describe, expect, it } from 'vitest';
import type { WidgetCampaign } from '../campaignTexts';
import { OfflineMessage } from '../conversationStore';
import { screenFor, type VisitorState } from '../widgetView';

const campaign: WidgetCampaign = {
  id: 'c',
  name: 'C',
  askName: true,
  askEmail: true,
  askPhone: false,
  allowOfflineMessages: true,
  allowAudio: false,
  allowVideo: false,
  botFirst: false,
  defaultLanguage: 'en',
  messages: [
    { language: 'en', welcome: 'Hi', botWelcome: 'Our bot first', outOfHours: 'Closed', unavailable: 'Busy', offline: 'Leave a note', closing: null },
    { language: 'es', welcome: 'Hola', botWelcome: 'Primero el bot', outOfHours: 'Cerrado', unavailable: 'Ocupados', offline: 'Déjanos una nota', closing: null },
  ],
};

const visitor = (patch: Partial<VisitorState> = {}): VisitorState => ({ conversation: null, availability: null, sentBeforeChat: false, textLanguage: 'es', ...patch });
const open = { admission: 'OPEN', offlineMessagesAllowed: false } as const;

describe('the screen the widget shows first', () => {
  it('asks nothing until it knows whether a chat would be let in', () => {
    expect(screenFor(campaign, visitor())).toEqual({ kind: 'loading' });
  });

  it('asks for the details only when the campaign can take the chat', () => {
    expect(screenFor(campaign, visitor({ availability: open }))).toEqual({ kind: 'form', campaign, welcome: 'Hola' });
  });

  it('where a bot answers first, welcomes with the bot’s text, promising no agent yet', () => {
    const botFirst = { ...campaign, botFirst: true };
    expect(screenFor(botFirst, visitor({ availability: open }))).toEqual({ kind: 'form', campaign: botFirst, welcome: 'Primero el bot' });
  });

  it('out of hours shows the campaign’s text with the offline form, and the thanks once a message is left', () => {
    const closed = { admission: 'OUT_OF_HOURS', offlineMessagesAllowed: true } as const;
    expect(screenFor(campaign, visitor({ availability: closed }))).toMatchObject({
      kind: 'refused',
      reason: 'OUT_OF_HOURS',
      text: 'Cerrado',
      offlineMessage: OfflineMessage.ALLOWED,
      offlineIntro: 'Déjanos una nota',
      next: null,
    });
    expect(screenFor(campaign, visitor({ availability: closed, sentBeforeChat: true }))).toMatchObject({ offlineMessage: OfflineMessage.SENT });
    expect(screenFor(campaign, visitor({ availability: { ...closed, offlineMessagesAllowed: false } }))).toMatchObject({ offlineMessage: OfflineMessage.NOT_TAKEN });
  });

  it('with the queue full shows the unavailable text and offers to ask again', () => {
    expect(screenFor(campaign, visitor({ availability: { admission: 'FULL', offlineMessagesAllowed: false }, textLanguage: null }))).toMatchObject({
      kind: 'refused',
      reason: 'FULL',
      text: 'Busy',
      offlineMessage: OfflineMessage.NOT_TAKEN,
      next: 'check-again',
    });
  });

  it('follows the stored conversation whatever the campaign’s availability now', () => {
    const chat = { interactionId: 'i', visitorToken: 't', admission: 'OPEN', offlineMessage: OfflineMessage.NOT_TAKEN } as const;
    expect(screenFor(campaign, visitor({ conversation: chat, availability: { admission: 'FULL', offlineMessagesAllowed: false } }))).toEqual({ kind: 'chat', campaign, conversation: chat });
    const refused = { ...chat, admission: 'OUT_OF_HOURS', offlineMessage: OfflineMessage.SENT } as const;
    expect(screenFor(campaign, visitor({ conversation: refused, availability: open }))).toMatchObject({
      kind: 'refused',
      reason: 'OUT_OF_HOURS',
      offlineMessage: OfflineMessage.SENT,
      next: 'start-over',
    });
  });
});
