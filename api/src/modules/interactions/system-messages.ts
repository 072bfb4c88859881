import { type Em, one } from '../../db/sql.js';
import type { CampaignMessages, CampaignTexts, Language } from '../campaigns/campaign.enums.js';
import { campaignText } from '../campaigns/campaign.rules.js';
import { Visibility } from '../messages/message.enums.js';
import { appendMessage, SYSTEM_AUTHOR } from '../messages/message.service.js';
import type { MessageView } from '../messages/message.view.js';

/** The campaign's text for this interaction's language, or null when the campaign has none. */
export async function textFor(tx: Em, interactionId: string, key: keyof CampaignTexts): Promise<string | null> {
  const row = await one<{ messages: CampaignMessages; default_language: Language; language: string | null }>(
    tx,
    `select c.messages, c.default_language, coalesce(i.language, ct.language) as language
       from interactions i join campaigns c on c.id = i.campaign_id join contacts ct on ct.id = i.contact_id where i.id = ?`,
    [interactionId],
  );
  return row && campaignText(row.messages, key, row.language, row.default_language);
}

/** Appends a text as a SYSTEM message, if there is one. */
export async function sendSystemText(tx: Em, interactionId: string, text: string | null): Promise<MessageView | null> {
  if (!text) return null;
  const appended = await appendMessage(tx, interactionId, SYSTEM_AUTHOR, { body: text, clientMessageId: null, visibility: Visibility.PUBLIC, attachmentIds: [] });
  return appended?.message ?? null;
}

/** The campaign's text for this interaction's language, appended as a SYSTEM message; null when the campaign has none. */
export async function systemText(tx: Em, interactionId: string, key: keyof CampaignTexts): Promise<MessageView | null> {
  return sendSystemText(tx, interactionId, await textFor(tx, interactionId, key));
}
