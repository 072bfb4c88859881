import { INTERNAL_MESSAGE_MAX_LENGTH } from '../modules/internal-messages/internal-message.rules.js';
import { MAX_REPLY_LENGTH } from '../modules/campaigns/offline-message.rules.js';
import { MAX_HOOK_URL_LENGTH } from '../modules/webhooks/webhook.rules.js';
import { AVATAR_URL_MAX } from '../modules/auth/api-key.rules.js';

/**
 * The longest text any String or ID input takes, unless TEXT_LIMITS says otherwise: names,
 * e-mails, ids, labels, search text. Short enough that an indexed column never meets PostgreSQL's
 * limit on an index entry (2704 bytes; 500 characters are at most 2000 bytes of UTF-8).
 */
export const DEFAULT_TEXT_LIMIT = 500;

/**
 * The inputs that take longer text, by schema coordinate (`Type.field`, `Type.field(argument:)`).
 * Where a module checks the same length itself the figure is the same, so the module's check
 * stays the one that words the refusal for its own callers (the web app, other modules).
 * A unit test holds every coordinate to the emitted schema.
 */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  // messages/send.service.ts: MAX_MESSAGE_LENGTH
  'PostMessageInput.body': 10_000,
  'Mutation.sendInternalMessage(body:)': INTERNAL_MESSAGE_MAX_LENGTH,
  // lifecycle.service.ts: cleanNote
  'Mutation.addNote(body:)': 2000,
  'Mutation.transferInteraction(note:)': 2000,
  'Mutation.transferInteractions(note:)': 2000,
  // interaction.service.ts: handOff
  'BotAnswerInput.value': 2000,
  // canned-response.service.ts, offline-message.service.ts
  'CreateCannedResponseInput.body': 5000,
  'LeaveOfflineMessageInput.body': 5000,
  // offline-message.rules.ts: MAX_REPLY_LENGTH
  'Mutation.answerOfflineMessage(body:)': MAX_REPLY_LENGTH,
  // api-key.rules.ts: keyDisplay
  'CreateApiKeyInput.avatarUrl': AVATAR_URL_MAX,
  'UpdateApiKeyInput.avatarUrl': AVATAR_URL_MAX,
  // A campaign's texts to customers: as long as a canned response.
  'CampaignMessageSetInput.welcome': 5000,
  'CampaignMessageSetInput.botWelcome': 5000,
  'CampaignMessageSetInput.agentGreeting': 5000,
  'CampaignMessageSetInput.closing': 5000,
  'CampaignMessageSetInput.offline': 5000,
  'CampaignMessageSetInput.outOfHours': 5000,
  'CampaignMessageSetInput.unavailable': 5000,
  // call.service.ts: a WebRTC offer with its candidates
  'Mutation.sendCallSignal(payload:)': 64 * 1024,
  'CreateWebhookInput.url': MAX_HOOK_URL_LENGTH,
};

/** The longest text the input at `coordinate` takes. */
export const textLimit = (coordinate: string): number => TEXT_LIMITS[coordinate] ?? DEFAULT_TEXT_LIMIT;
