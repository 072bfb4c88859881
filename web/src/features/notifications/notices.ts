/** Why a chat is worth telling the agent about. */
export type ChatNoticeReason = 'WAITING' | 'ASSIGNED';

interface ChangedChat {
  kind: string;
  interactionId: string | null;
  interaction: { id: string; phase: string; agent: { id: string } | null; tray?: { kind: string } | null } | null;
}

/**
 * A chat is the agent's when it holds it, or when it waits in the agent's personal tray (transferred
 * to it by name: an agent sees no other personal tray); any other waiting chat is one it may take.
 */
function reasonFor(chat: NonNullable<ChangedChat['interaction']>, me: string): ChatNoticeReason | null {
  if (chat.phase === 'IN_SERVICE') return chat.agent?.id === me ? 'ASSIGNED' : null;
  if (chat.phase !== 'WAITING') return null;
  return chat.tray?.kind === 'PERSONAL' ? 'ASSIGNED' : 'WAITING';
}

/** What the agent was last told about each chat: a chat is news again only when its reason changes. */
export type Told = Map<string, ChatNoticeReason>;

/**
 * Whether a change brings the agent a chat to tell about: one waiting in a tray it sees, or one
 * given to it. A chat is told once per reason: one announced while it waited is announced again
 * when routing gives it to the agent (that is the news that matters), but not twice for the same
 * reason. A chat that leaves sight or the open phases is forgotten, so it is news if it comes back.
 */
export function chatNotice(change: ChangedChat, me: string, told: Told): ChatNoticeReason | null {
  const chat = change.interaction;
  if (!chat || change.kind === 'REMOVED') {
    if (change.interactionId) told.delete(change.interactionId);
    return null;
  }
  const reason = reasonFor(chat, me);
  if (!reason) {
    told.delete(chat.id);
    return null;
  }
  if (told.get(chat.id) === reason) return null;
  told.set(chat.id, reason);
  return reason;
}

/**
 * After a gap in the live feed (a dropped socket, a RESYNC): which of the chats open now to tell
 * about, by the same rule as `chatNotice`. Chats no longer among them are forgotten, so they are
 * told again if they come back. Called with what is open at page load, it just learns them.
 */
export function missedChats<T extends NonNullable<ChangedChat['interaction']>>(chats: readonly T[], me: string, told: Told): { chat: T; reason: ChatNoticeReason }[] {
  const open = new Set(chats.map((chat) => chat.id));
  for (const id of told.keys()) if (!open.has(id)) told.delete(id);
  return chats.flatMap((chat) => {
    const reason = chatNotice({ kind: 'UPDATED', interactionId: chat.id, interaction: chat }, me, told);
    return reason ? [{ chat, reason }] : [];
  });
}

/** Where the agent is looking when a chat arrives. */
export interface Attention {
  /** The chat open on screen, if any. */
  openChatId: string | null;
  /** The inbox is on screen and the tab visible: it lists a waiting chat the moment it arrives. */
  inboxInView: boolean;
  /** This tab is taking the chat itself. */
  takingIt: boolean;
}

/**
 * Whether a chat that arrives is worth a notice: not the one on screen, not one the agent is taking,
 * and not one waiting in a tray while the inbox lists it anyway (a toast would only cover the rows
 * the agent is about to click).
 */
export function worthTelling(chatId: string, reason: ChatNoticeReason, attention: Attention): boolean {
  if (attention.openChatId === chatId) return false;
  if (reason === 'ASSIGNED') return !attention.takingIt;
  return !attention.inboxInView;
}

/** The tab title with the count of things waiting for the agent's eye: "(3) Parley". */
export function titleWithCount(base: string, count: number): string {
  return count > 0 ? `(${count}) ${base}` : base;
}
