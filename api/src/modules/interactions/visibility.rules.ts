import { reaches, type Scope } from '../auth/scope.rules.js';
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
  /** People who joined besides the holder and have not left. */
  participantIds: readonly string[];
  contactState: ContactState;
  status: InteractionStatus;
  /** The API key that started the chat, if one did. */
  startedByKeyId: string | null;
}

/** Who is looking, with what the visibility table needs to know about them. */
export type Onlooker =
  | { kind: 'STAFF'; userId: string; role: Role; customTrayIds: ReadonlySet<string>; scope: Scope }
  | {
      kind: 'KEY';
      keyId: string;
      supervise: boolean;
      /** Holds CHANNEL: it bridges the chats it started, so it sees them wherever they are, as their customer does. */
      bridge: boolean;
      scope: Scope;
    }
  | { kind: 'VISITOR'; interactionId: string }
  | { kind: 'NOBODY' };

/** Chats that every signed-in person and key may see (the table's "everyone" rows). */
export function isPublicToStaff(loc: Pick<ChatLocation, 'phase' | 'contactState' | 'trayKind'>): boolean {
  return loc.phase === Phase.BOT || loc.phase === Phase.CLOSED || loc.contactState === ContactState.EXPIRED || loc.trayKind === TrayKind.CLOSED;
}

/**
 * The spec's visibility table, for one onlooker and one chat, within the onlooker's scope: a chat of
 * a campaign outside it is not there at all, whatever the table says.
 */
export function canSee(who: Onlooker, loc: ChatLocation): boolean {
  switch (who.kind) {
    case 'NOBODY':
      return false;
    case 'VISITOR':
      return who.interactionId === loc.interactionId;
    case 'KEY':
      return reaches(who.scope, loc.campaignId) && (who.supervise || isPublicToStaff(loc) || bridges(who, loc));
    case 'STAFF':
      if (!reaches(who.scope, loc.campaignId)) return false;
      if (who.role !== Role.AGENT || isPublicToStaff(loc)) return true;
      // Whoever joined sees the chat until it closes (then it is everyone's) or they leave.
      if (loc.participantIds.includes(who.userId)) return true;
      if (loc.phase === Phase.IN_SERVICE) {
        // A chat that asks for help is listed for every agent with access to the campaign's general
        // tray (every agent the scope reaches), wherever it sits: a personal tray included.
        return loc.agentId === who.userId || loc.status === InteractionStatus.NEEDS_HELP;
      }
      return loc.phase === Phase.WAITING && seesTray(who, loc);
  }
}

/** A CHANNEL key is the customer's side of the chats it started: like the widget's visitor, it follows them through every phase. */
const bridges = (who: Extract<Onlooker, { kind: 'KEY' }>, loc: ChatLocation): boolean => who.bridge && loc.startedByKeyId === who.keyId;

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
