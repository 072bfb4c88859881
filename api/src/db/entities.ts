import { AgentConnectionEntity, AgentStatusEntity } from '../modules/agents/agent.entity.js';
import { ApiKeyEntity } from '../modules/auth/api-key.entity.js';
import { SessionEntity } from '../modules/auth/session.entity.js';
import { CampaignEntity, CannedResponseEntity } from '../modules/campaigns/campaign.entity.js';
import { ContactEntity } from '../modules/contacts/contact.entity.js';
import { OfflineMessageEntity } from '../modules/campaigns/offline-message.entity.js';
import { InteractionEntity, InteractionEventEntity } from '../modules/interactions/interaction.entity.js';
import { TagEntity } from '../modules/interactions/tag.entity.js';
import { MessageEntity } from '../modules/messages/message.entity.js';
import { TrayAccessEntity, TrayEntity } from '../modules/trays/tray.entity.js';
import { PauseReasonEntity } from '../modules/users/pause-reason.entity.js';
import { TeamEntity } from '../modules/users/team.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { WebhookDeliveryEntity, WebhookEntity } from '../modules/webhooks/webhook.entity.js';
import { CallEntity } from '../modules/calls/call.entity.js';
import { AppSecretEntity, FileEntity } from '../modules/files/file.entity.js';

export const entities = [
  FileEntity,
  AppSecretEntity,
  CallEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
  TeamEntity,
  UserEntity,
  SessionEntity,
  ApiKeyEntity,
  CampaignEntity,
  CannedResponseEntity,
  TrayEntity,
  TrayAccessEntity,
  ContactEntity,
  TagEntity,
  InteractionEntity,
  InteractionEventEntity,
  MessageEntity,
  PauseReasonEntity,
  AgentStatusEntity,
  AgentConnectionEntity,
  OfflineMessageEntity,
];
