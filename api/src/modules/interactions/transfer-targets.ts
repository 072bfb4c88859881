import { rows } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { listStatuses } from '../agents/agent.queries.js';
import { teamSql } from '../auth/scope.rules.js';
import { scopeOf } from '../auth/viewer.js';
import type { Team } from '../users/user.type.js';
import { TrayKind } from '../trays/tray.enums.js';
import { requireVisible } from './interaction.access.js';
import type { TrayRef } from './interaction.type.js';
import type { TransferTargets } from './transfer-targets.type.js';

/** The trays, agents and teams a chat the viewer sees may go to; the transfer itself checks the rest. */
export async function transferTargets(ctx: Context, interactionId: string): Promise<TransferTargets> {
  const view = await requireVisible(ctx, interactionId);
  const me = ctx.viewer.kind === 'USER' ? ctx.viewer.userId : null;
  const teams = teamSql(scopeOf(ctx.viewer), 't.id');
  const [trays, statuses, teamRows] = await Promise.all([
    rows<TrayRef>(ctx.em, `select id, name, kind from trays where kind in (?, ?) and (campaign_id is null or campaign_id = ?) order by kind, name`, [
      TrayKind.GENERAL,
      TrayKind.CUSTOM,
      view.campaign.id,
    ]),
    listStatuses(ctx.em, ctx.deps.config.PRESENCE_GRACE_MS, scopeOf(ctx.viewer)),
    rows<Team>(ctx.em, `select t.id, t.name from teams t where ${teams.sql} order by t.name`, teams.params),
  ]);
  const agents = statuses.filter((s) => s.userId !== me).map((s) => ({ id: s.userId, name: s.name, state: s.state }));
  return { trays, agents, teams: teamRows };
}
