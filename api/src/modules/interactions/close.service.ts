import { type Em, one, rows } from '../../db/sql.js';
import { conflict } from '../../shared/errors.js';
import type { MessageView } from '../messages/message.view.js';
import { InteractionEventType, type InteractionResult } from './interaction.enums.js';
import { recordEvent } from './interaction.events.js';
import { closingResult } from './interaction.rules.js';
import { systemText } from './system-messages.js';

/**
 * Closes one interaction inside the caller's transaction: the customer's last text first (nobody may
 * write after), then into its campaign's Closed tray, with the result the rules give. Returns the
 * text sent, if the campaign has one.
 */
export async function closeWithin(
  tx: Em,
  actor: { kind: string; id: string | null },
  interactionId: string,
  requested: InteractionResult,
  text: 'closing' | 'outOfHours' | 'unavailable' = 'closing',
  detail: Record<string, unknown> = {},
): Promise<MessageView | null> {
  const current = await one<{ transfer_count: number }>(tx, "select transfer_count from interactions where id = ? and phase <> 'CLOSED' for update", [interactionId]);
  if (!current) throw conflict('The interaction is already closed');
  const result = closingResult(requested, current.transfer_count);
  const sent = await systemText(tx, interactionId, text);
  await rows(
    tx,
    `update interactions i set phase = 'CLOSED', result = ?, closed_at = clock_timestamp(), updated_at = now(),
            tray_id = (select id from trays t where t.campaign_id = i.campaign_id and t.kind = 'CLOSED')
      where i.id = ?`,
    [result, interactionId],
  );
  await recordEvent(tx, interactionId, InteractionEventType.CLOSED, actor, { result, ...detail });
  return sent;
}
