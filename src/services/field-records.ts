import type { FieldCommand } from '../domain/field-message/message.js';
import { mayReportFromField } from '../domain/field-reporting.js';
import { DiboliError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import type { NodeContext } from './node-context.js';
import type { FieldReporting } from './field-reporting.js';
import type { PatrolService } from './patrol-service.js';

/**
 * What a field message says, written through the patrol service as the field app writes it: the
 * sender must lead or report for the patrol, positions and observations carry a client id derived
 * from the message (so a retry is never stored twice), and positions follow the mechanism's
 * position policy like any other.
 */
export class FieldRecords {
  constructor(
    private readonly node: NodeContext,
    private readonly patrols: PatrolService,
    private readonly reporting: FieldReporting,
  ) {}

  /** Writes the command; answers the instant the record is of. */
  async write(actor: Actor, command: Exclude<FieldCommand, { kind: 'help' }>, origin: { clientId: string; via: 'sms' | 'radio' | 'tak' }): Promise<string> {
    const patrol = await this.patrols.byCode(actor, command.patrolCode).catch((error: unknown) => {
      // A code the sender typed: the reply names it rather than a record kind.
      throw error instanceof DiboliError && error.code === 'ERR_NOT_FOUND' ? new DiboliError('ERR_UNKNOWN_PATROL_CODE', { code: command.patrolCode }) : error;
    });
    if (!mayReportFromField(patrol, actor.userId)) throw new DiboliError('ERR_NOT_PATROL_REPORTER', { code: patrol.code });
    const now = this.node.clock.now().toISOString();
    switch (command.kind) {
      case 'start':
        // Already under way: the leader's message is done (a second START changes nothing).
        if (patrol.status !== 'underway') await this.patrols.act(actor, patrol.id, 'start');
        return now;
      case 'position':
        await this.reporting.reportPositions(
          actor,
          patrol.id,
          [{ at: command.at, lat: command.point.lat, lon: command.point.lon, clientId: origin.clientId }],
          origin.via,
        );
        return command.at;
      case 'observation':
        await this.reporting.observe(
          actor,
          patrol.id,
          { at: command.at, location: command.point, text: command.text, eventType: command.type.eventType, counts: command.counts, clientId: origin.clientId },
          origin.via,
        );
        return command.at;
      case 'end': {
        if (patrol.status !== 'completed') await this.patrols.act(actor, patrol.id, 'complete');
        if (command.text !== '') await this.patrols.debrief(actor, patrol.id, command.text);
        return now;
      }
    }
  }
}
