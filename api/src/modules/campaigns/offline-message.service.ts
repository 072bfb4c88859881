import { type Em, one, rows } from '../../db/sql.js';
import { isEmail } from '../users/user.rules.js';
import { badInput, forbidden, notFound } from '../../shared/errors.js';
import type { OfflineMessage } from './offline-message.type.js';
import { campaignSql, type Scope } from '../auth/scope.rules.js';

const COLUMNS = 'id, campaign_id as "campaignId", name, email, phone, language, body, created_at as "createdAt"';

/** Anyone may leave one, on a campaign that takes them; a way to answer (e-mail or phone) is required. */
export async function leaveOfflineMessage(
  em: Em,
  input: { campaignId: string; name?: string | null; email?: string | null; phone?: string | null; language?: string | null; body: string },
): Promise<OfflineMessage> {
  const campaign = await one<{ allow: boolean }>(em, 'select allow_offline_messages as allow from campaigns where id = ?', [input.campaignId]);
  if (!campaign) throw notFound('Campaign');
  if (!campaign.allow) throw forbidden('This campaign does not take offline messages');
  const body = input.body.trim();
  if (!body || body.length > 5000) throw badInput('The message is 1 to 5000 characters', 'body');
  const email = input.email?.trim() || null;
  const phone = input.phone?.trim() || null;
  if (email && !isEmail(email)) throw badInput('Enter a valid e-mail address', 'email');
  if (!email && !phone) throw badInput('Leave an e-mail address or a phone number so we can answer', 'email');
  const row = await one(em, `insert into offline_messages (id, campaign_id, name, email, phone, language, body, created_at) values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, now()) returning ${COLUMNS}`, [
    input.campaignId,
    input.name?.trim() || null,
    email,
    phone,
    input.language?.trim() || null,
    body,
  ]);
  return { ...(row as OfflineMessage), createdAt: new Date(row!.createdAt).toISOString() };
}

/** Newest first, of one campaign or all, within the scope (a grouped administrator: its group's campaigns). */
export async function listOfflineMessages(em: Em, campaignId: string | null, scope: Scope): Promise<OfflineMessage[]> {
  const inScope = campaignSql(scope, 'campaign_id');
  const found = campaignId
    ? await rows(em, `select ${COLUMNS} from offline_messages where campaign_id = ? and ${inScope.sql} order by created_at desc limit 500`, [campaignId, ...inScope.params])
    : await rows(em, `select ${COLUMNS} from offline_messages where ${inScope.sql} order by created_at desc limit 500`, inScope.params);
  return found.map((r) => ({ ...(r as OfflineMessage), createdAt: new Date(r.createdAt).toISOString() }));
}
