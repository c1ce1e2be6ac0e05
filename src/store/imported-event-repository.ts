import type { Kysely, Transaction } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { Database } from './schema.js';

/** An incident of the nation's own, as the duplicate rule of an import compares it. */
export interface OwnIncidentSummary {
  id: string;
  eventType: string;
  occurredAt: string;
  lat: number;
  lon: number;
  /** The data set it came from, when it was imported. */
  importedFrom: string | null;
}

export interface ImportedEvent {
  source: string;
  externalId: string;
  incidentId: string;
  importedAt: string;
  importedBy: string | null;
}

/** Keys of events brought in from other data sets, and what an import compares new rows with. */
export class ImportedEventRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every key already imported from `source`, with the incident it became. */
  async keys(source: string): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('importedEvents').select(['externalId', 'incidentId']).where('source', '=', source).execute();
    return new Map(rows.map((row) => [row.externalId, row.incidentId]));
  }

  /** The owner's own incidents, in the few fields the duplicate rule reads. */
  async ownIncidents(owner: NationCode): Promise<OwnIncidentSummary[]> {
    return this.db
      .selectFrom('incidents')
      .leftJoin('importedEvents', 'importedEvents.incidentId', 'incidents.id')
      .select(['incidents.id', 'incidents.eventType', 'incidents.occurredAt', 'incidents.lat', 'incidents.lon', 'importedEvents.source as importedFrom'])
      .where('incidents.owner', '=', owner)
      .execute();
  }

  async insertIn(trx: Transaction<Database>, events: readonly ImportedEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 500) {
      await trx
        .insertInto('importedEvents')
        .values(events.slice(i, i + 500))
        .execute();
    }
  }
}
