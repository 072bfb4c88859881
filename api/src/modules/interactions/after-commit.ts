import type { Deps } from '../../server/deps.js';
import { refreshAgent } from '../agents/agent.service.js';
import { campaignsOf, routeSoon } from '../routing/routing.service.js';
import { Phase } from './interaction.enums.js';
import type { InteractionView } from './interaction.view.js';

/**
 * After a commit that let agents go or left chats waiting: one routing pass per campaign concerned
 * (the freed agents' campaigns and those of the chats that now wait), then the freed agents' new
 * state. Failures are logged: the caller's change is committed and stays.
 */
export async function settle(deps: Deps, before: readonly InteractionView[], after: readonly InteractionView[]): Promise<void> {
  try {
    // An agent is freed when a chat it held is no longer held by it (closed chats keep their agent).
    const held = (v: InteractionView | undefined, agentId: string) => v?.phase === Phase.IN_SERVICE && v.agent?.id === agentId;
    const freed = new Set(before.filter((b, i) => b.agent && held(b, b.agent.id) && !held(after[i], b.agent.id)).map((b) => b.agent!.id));
    const campaigns = new Set(after.filter((a) => a.phase === Phase.WAITING).map((a) => a.campaign.id));
    for (const agentId of freed) for (const id of await campaignsOf(deps, agentId)) campaigns.add(id);
    for (const id of campaigns) await routeSoon(deps, id);
    for (const agentId of freed) await refreshAgent(deps, agentId);
  } catch (err) {
    deps.log.error({ err }, 'after a committed change: routing or agent state failed');
  }
}
