import { type Em, one } from '../../db/sql.js';
import type { Scope } from '../auth/scope.rules.js';
import { trayScopeSql } from '../campaigns/security-group.service.js';
import type { TrayKind } from './tray.enums.js';

/**
 * "Tray `t` may hold chats of the campaign passed twice as parameters": one of that campaign's own
 * trays, or the personal tray of an active person the campaign's security group reaches, so that a
 * chat is never left where nobody who could serve it can open it.
 */
export const holdsCampaignSql = (t: string) =>
  `(${t}.campaign_id = ?::uuid
    or (${t}.campaign_id is null and exists (select 1 from users o join campaigns oc on oc.id = ?::uuid
         where o.id = ${t}.owner_id and o.active and (o.security_group_id is null or o.security_group_id = oc.security_group_id))))`;

export interface TrayForChat {
  id: string;
  kind: TrayKind;
  /** Whether it may hold the chat's campaign's chats (see holdsCampaignSql). */
  holds: boolean;
}

/** A tray named as where a chat of `campaignId` goes; null when the caller's scope does not reach it. */
export async function trayForChat(em: Em, scope: Scope, campaignId: string, trayId: string): Promise<TrayForChat | null> {
  const inScope = trayScopeSql(scope, 't');
  const row = await one<{ id: string; kind: TrayKind; holds: boolean }>(em, `select t.id, t.kind, ${holdsCampaignSql('t')} as holds from trays t where t.id = ? and ${inScope.sql}`, [
    campaignId,
    campaignId,
    trayId,
    ...inScope.params,
  ]);
  return row ?? null;
}
