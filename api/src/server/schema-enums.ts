import { registerEnumType } from 'type-graphql';
import { ApiScope } from '../modules/auth/viewer.js';
import { Language, RoutingStrategy } from '../modules/campaigns/campaign.enums.js';
import { ContactState } from '../modules/contacts/contact.enums.js';
import { ActorKind, Channel, InteractionEventType, InteractionResult, InteractionStatus, Phase } from '../modules/interactions/interaction.enums.js';
import { DeliveryStatus } from '../modules/webhooks/webhook.rules.js';
import { InteractionOrder } from '../modules/interactions/interaction.queries.js';
import { AuthorKind, Visibility } from '../modules/messages/message.enums.js';
import { TrayKind } from '../modules/trays/tray.enums.js';
import { Role } from '../modules/users/user.enums.js';

// Every enum of the public schema, registered once before any type that uses it.
registerEnumType(Role, { name: 'Role', description: 'What a person may do in Parley' });
registerEnumType(ApiScope, { name: 'ApiScope', description: 'What an API key may do' });
registerEnumType(RoutingStrategy, { name: 'RoutingStrategy' });
registerEnumType(Language, { name: 'Language' });
registerEnumType(ContactState, { name: 'ContactState', description: "Where a contact's chat is" });
registerEnumType(Channel, { name: 'Channel' });
registerEnumType(Phase, { name: 'Phase' });
registerEnumType(InteractionStatus, { name: 'InteractionStatus' });
registerEnumType(InteractionResult, { name: 'InteractionResult' });
registerEnumType(InteractionOrder, { name: 'InteractionOrder' });
registerEnumType(AuthorKind, { name: 'AuthorKind' });
registerEnumType(Visibility, { name: 'Visibility' });
registerEnumType(TrayKind, { name: 'TrayKind' });
registerEnumType(InteractionEventType, { name: 'InteractionEventType', description: 'What happened to an interaction: one kind of event of its trail' });
registerEnumType(ActorKind, { name: 'ActorKind', description: 'Who caused an event of the trail' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: "A webhook delivery's state" });
