import type { AlertMessage } from '../domain/alert.js';
import { InvalidCapMessage } from '../domain/cap-document.js';
import { capDocumentOf, capFeedOf, type CapFeedPaths } from './cap-export.js';
import type { EarlyWarningService } from './early-warning-service.js';
import type { NodeContext } from './node-context.js';

export const POPULATION_CAP_PATHS: CapFeedPaths = {
  feed: '/api/v1/public/cap.atom',
  document: (id) => `/api/v1/public/alerts/${encodeURIComponent(id)}/cap`,
  idSuffix: ':public',
};

export interface PopulationFeedOptions {
  /** Messages listed, newest first (default 200). */
  limit?: number;
  /** The documents are built again after this long even if no alert changed (default one minute). */
  maxAgeMs?: number;
}

interface Ready {
  builtAt: number;
  messages: AlertMessage[];
  documents: Map<string, string>;
}

/**
 * What the node tells its population, for anyone to read without login: the CAP documents and Atom
 * feed of the messages `mayReachPopulation` lets through (the host nation's own public alerts,
 * their Updates and Cancels), each validated as CAP 1.2 (a message that cannot be a valid document
 * is left out). Anonymous callers must not cost a query each: the documents are built once and
 * kept until an alert of the node is raised, updated, cancelled or withdrawn, or `maxAgeMs` passed.
 */
export class PopulationFeed {
  private ready: Promise<Ready> | undefined;
  private readonly limit: number;
  private readonly maxAgeMs: number;
  private readonly stop: () => void;

  constructor(
    private readonly node: NodeContext,
    private readonly earlyWarning: EarlyWarningService,
    options: PopulationFeedOptions = {},
  ) {
    this.limit = options.limit ?? 200;
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    // An alert changed: the next reader builds again (a build under way when it changed is dropped too).
    const stale = () => (this.ready = undefined);
    earlyWarning.events.on('alert', stale);
    earlyWarning.events.on('withdrawn', stale);
    this.stop = () => {
      earlyWarning.events.off('alert', stale);
      earlyWarning.events.off('withdrawn', stale);
    };
  }

  close(): void {
    this.stop();
  }

  /** The CAP 1.2 document of a message meant for the population, or undefined. */
  async document(id: string): Promise<string | undefined> {
    return (await this.current()).documents.get(id);
  }

  /** The Atom feed, its links made from the address the caller reached the node at. */
  async feed(baseUrl: string): Promise<string> {
    return capFeedOf(this.node, (await this.current()).messages, baseUrl, POPULATION_CAP_PATHS);
  }

  private async current(): Promise<Ready> {
    const known = this.ready && (await this.ready);
    if (known && Date.now() - known.builtAt < this.maxAgeMs) return known;
    const building = this.build();
    this.ready = building;
    building.catch(() => (this.ready === building ? (this.ready = undefined) : undefined));
    return building;
  }

  private async build(): Promise<Ready> {
    const builtAt = Date.now();
    const messages: AlertMessage[] = [];
    const documents = new Map<string, string>();
    for (const message of await this.earlyWarning.alertsForPopulation(this.limit)) {
      try {
        documents.set(message.id, await capDocumentOf(this.node, message));
        messages.push(message);
      } catch (error) {
        if (!(error instanceof InvalidCapMessage)) throw error;
      }
    }
    return { builtAt, messages, documents };
  }
}
