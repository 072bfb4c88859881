import { campaignSql, type SqlPart } from '../auth/scope.rules.js';
import { scopeOf, type Viewer } from '../auth/viewer.js';
import { Role } from '../users/user.enums.js';

/**
 * "The offline message whose campaign id is in `column` is there for the viewer", the one place that
 * decides it for the list, the count and every act. Within the viewer's scope (its security group, a
 * key's campaigns), as every campaign's data; an agent moreover only on the campaigns it works on:
 * those naming it as a member, or naming nobody, the same campaigns routing gives it chats of.
 */
export function offlineReachSql(viewer: Viewer, column: string): SqlPart {
  const inScope = campaignSql(scopeOf(viewer), column);
  if (viewer.kind !== 'USER' || viewer.role !== Role.AGENT) return inScope;
  return {
    sql: `${inScope.sql} and (not exists (select 1 from campaign_members om where om.campaign_id = ${column})
                              or exists (select 1 from campaign_members om where om.campaign_id = ${column} and om.user_id = ?::uuid))`,
    params: [...inScope.params, viewer.userId],
  };
}
