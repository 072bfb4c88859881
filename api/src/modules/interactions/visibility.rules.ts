import { ContactState } from '../contacts/contact.enums.js';
import { TrayKind } from '../trays/tray.enums.js';
import { Role } from '../users/user.enums.js';
import { InteractionStatus, Phase } from './interaction.enums.js';

/** Where a chat is, as far as the visibility table cares. */
export interface ChatLocation {
  interactionId: string;
  campaignId: string;
  phase: Phase;
  trayId: string | null;
  trayKind: TrayKind | null;
  trayOwnerId: string | null;
  agentId: string | null;
  contactState: ContactState;
  status: InteractionStatus;
}

/** Who is looking, with what the visibility table needs to know about them. */
export type Onlooker =
  | { kind: 'STAFF'; userId: string; role: Role; customTrayIds: ReadonlySet<string> }
  | { kind: 'KEY'; supervise: boolean; campaignIds: readonly string[] }
  | { kind: 'VISITOR'; interactionId: string }
  | { kind: 'NOBODY' };

/** Chats that every signed-in person and key may see (the table's "everyone" rows). */
export function isPublicToStaff(loc: ChatLocation): boolean {
  return (
    loc.phase === Phase.BOT ||
    loc.phase === Phase.CLOSED ||
    loc.contactState === ContactState.EXPIRED ||
    loc.trayKind === TrayKind.CLOSED
  );
}

/** The spec's visibility table, for one onlooker and one chat. */
export function canSee(who: Onlooker, loc: ChatLocation): boolean {
  switch (who.kind) {
    case 'NOBODY':
      return false;
    case 'VISITOR':
      return who.interactionId === loc.interactionId;
    case 'KEY':
      if (who.campaignIds.length > 0 && !who.campaignIds.includes(loc.campaignId)) return false;
      return who.supervise || isPublicToStaff(loc);
    case 'STAFF':
      if (who.role !== Role.AGENT || isPublicToStaff(loc)) return true;
      if (loc.phase === Phase.IN_SERVICE) {
        // A chat that asks for help is listed for every agent with access to its tray.
        return loc.agentId === who.userId || (loc.status === InteractionStatus.NEEDS_HELP && seesTray(who, loc));
      }
      return loc.phase === Phase.WAITING && seesTray(who, loc);
  }
}

/** Whether an agent has access to the tray a chat sits in (or came from). */
function seesTray(who: Extract<Onlooker, { kind: 'STAFF' }>, loc: ChatLocation): boolean {
  switch (loc.trayKind) {
    case TrayKind.GENERAL:
      return true;
    case TrayKind.PERSONAL:
      return loc.trayOwnerId === who.userId;
    case TrayKind.CUSTOM:
      return loc.trayId !== null && who.customTrayIds.has(loc.trayId);
    default:
      return false;
  }
}

/**
 * Whether the onlooker would see this chat had it still been waiting in its tray. A taker who
 * lost the race is told CONFLICT rather than NOT_FOUND: it saw the chat a moment ago.
 */
export function couldHaveTaken(who: Onlooker, loc: ChatLocation): boolean {
  return loc.phase !== Phase.BOT && canSee(who, { ...loc, phase: Phase.WAITING, agentId: null, contactState: ContactState.TRAY, status: InteractionStatus.IN_PROGRESS });
}
