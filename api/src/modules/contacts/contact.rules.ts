import { campaignSql, type Scope, type SqlPart } from '../auth/scope.rules.js';

/**
 * "The contact whose id is in `column` is within the scope", as SQL. A contact belongs to no campaign
 * of its own: it is within a scope when it has at least one interaction in a campaign the scope
 * reaches. A contact of other campaigns only is someone else's customer, whose name, e-mail and phone
 * this caller may neither read nor change; what is shared (a customer of two scopes) each may update.
 */
export function contactInScopeSql(scope: Scope, column: string): SqlPart {
  if (scope.kind === 'ALL') return { sql: 'true', params: [] };
  const reached = campaignSql(scope, 'si.campaign_id');
  return { sql: `exists (select 1 from interactions si where si.contact_id = ${column} and ${reached.sql})`, params: reached.params };
}
