import type { Deps } from '../../shared/deps.js';
import { Job } from '../../shared/jobs.js';
import { InteractionResult } from './interaction.enums.js';
import { closeAsSystem } from './interaction.service.js';
import { dispatched, type Listener } from '../domain-events/dispatcher.js';

/** After an agent writes, the customer has the campaign's no-answer timeout to reply. */
export const noAnswerListener: Listener = async (deps, events) => {
  for (const e of events) {
    if (e.kind === 'AGENT_ANSWERED' && e.timeoutSeconds) await deps.jobs.send(Job.NO_ANSWER, { interactionId: e.interactionId, afterSequence: e.sequence }, e.timeoutSeconds);
  }
};

/**
 * Closes the chat NO_ANSWER when it is still in service and the customer has not written since,
 * both decided under the interaction's lock, so a reply arriving at that moment is never closed on.
 */
export async function closeIfUnanswered(deps: Deps, interactionId: string, afterSequence: number): Promise<void> {
  await dispatched(deps, closeAsSystem(deps, interactionId, InteractionResult.NO_ANSWER, { customerWroteAfter: afterSequence })).catch((err) => {
    // Answered, or closed meanwhile by someone else: nothing left to do.
    if (err?.extensions?.code !== 'CONFLICT') throw err;
  });
}

export function registerNoAnswer(deps: Deps): Promise<void> {
  return deps.jobs.work(Job.NO_ANSWER, (data) => closeIfUnanswered(deps, data.interactionId, data.afterSequence));
}
