import { Dispatcher } from '../modules/domain-events/dispatcher.js';
import { agentStateListener } from '../modules/agents/agent.service.js';
import { socketControlListener } from '../modules/auth/auth.service.js';
import { callListener } from '../modules/calls/call.service.js';
import { staffMessageListener } from '../modules/internal-messages/internal-message.service.js';
import { offlineMessagesListener } from '../modules/campaigns/offline-message.stream.js';
import { expiryListener } from '../modules/contacts/contact-expiry.job.js';
import { publishChangesListener } from '../modules/interactions/interaction.events.js';
import { directoryListener } from '../modules/directory/directory.stream.js';
import { publishMessagesListener } from '../modules/messages/message.publish.js';
import { noAnswerListener } from '../modules/interactions/no-answer.job.js';
import { routingListener } from '../modules/routing/routing.service.js';
import { courierListener } from '../modules/webhooks/webhook.courier.js';

/**
 * Who reacts to a commit, in which order, and whether the caller hears of a failure (see `OnFailure`): subscribers hear it first (its messages, then its changes),
 * then timed rules are set, then routing gives waiting chats to agents, and last the agents'
 * states are told, counting what routing gave them. Webhooks hear of the trail's events through the
 * event feed, woken by any commit that wrote them, on any process (`db/trail-commits.ts`); the
 * courier listens here only to changes of the hooks themselves.
 */
export const afterCommit = () =>
  new Dispatcher([
    ['publish messages', publishMessagesListener, 'TELL'],
    ['publish changes', publishChangesListener, 'TELL'],
    ['calls', callListener, 'TELL'],
    ['staff messages', staffMessageListener, 'TELL'],
    ['offline messages', offlineMessagesListener, 'TELL'],
    ['open sockets', socketControlListener, 'TELL'],
    // After the word that changed access reached every process, so a list read on hearing this is read with the new access.
    ['directories', directoryListener, 'TELL'],
    ['contact expiry', expiryListener, 'TELL'],
    ['no answer', noAnswerListener, 'TELL'],
    ['routing', routingListener, 'LOG'],
    ['agent state', agentStateListener, 'LOG'],
    ['webhook courier', courierListener, 'LOG'],
  ]);
