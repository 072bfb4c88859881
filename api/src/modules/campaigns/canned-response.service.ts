import { type Em, one, rows } from '../../db/sql.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import type { Language } from './campaign.enums.js';
import type { CannedResponse } from './canned-response.type.js';
import { type Committed, committed, directoryChanged } from '../domain-events/domain-event.js';
import { DirectoryPart } from '../directory/directory.enums.js';

const COLUMNS = 'id, campaign_id as "campaignId", shortcut, body, language';

export async function listCannedResponses(em: Em, campaignId: string): Promise<CannedResponse[]> {
  return rows<CannedResponse>(em, `select ${COLUMNS} from canned_responses where campaign_id = ? order by shortcut, language::text nulls first`, [campaignId]);
}

/** A reply agents insert by choosing it or typing "/shortcut"; shortcuts are unique per campaign and language. */
export async function createCannedResponse(em: Em, input: { campaignId: string; shortcut: string; body: string; language?: Language | null }): Promise<Committed<CannedResponse>> {
  const shortcut = input.shortcut.trim().replace(/^\//, '').toLowerCase();
  if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(shortcut)) throw badInput('A shortcut is 1-40 letters, digits, - or _', 'shortcut');
  const body = input.body.trim();
  if (!body || body.length > 5000) throw badInput('The text is 1 to 5000 characters', 'body');
  if (!(await one(em, 'select id from campaigns where id = ?', [input.campaignId]))) throw notFound('Campaign');
  const language = input.language ?? null;
  const taken = await one(em, 'select id from canned_responses where campaign_id = ? and shortcut = ? and language is not distinct from ?', [input.campaignId, shortcut, language]);
  if (taken) throw conflict(`The campaign already has "/${shortcut}" for that language`);
  const created = (await one<CannedResponse>(em, `insert into canned_responses (id, campaign_id, shortcut, body, language) values (gen_random_uuid(), ?, ?, ?, ?) returning ${COLUMNS}`, [
    input.campaignId,
    shortcut,
    body,
    language,
  ]))!;
  return committed(created, [directoryChanged(DirectoryPart.CANNED_RESPONSE, created.campaignId)]);
}
