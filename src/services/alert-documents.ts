import { InvalidCapMessage } from '../domain/cap-document.js';
import { DiboliError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import { capDocumentOf, capFeedOf } from './cap-export.js';
import type { EarlyWarningService } from './early-warning-service.js';
import type { NodeContext } from './node-context.js';

/** The officers' CAP 1.2 documents and Atom feed: the alerts meant for the population that the caller's nation may read. */
export class AlertDocuments {
  constructor(
    private readonly node: NodeContext,
    private readonly earlyWarning: EarlyWarningService,
  ) {}

  /** The CAP document of an alert (or of the Cancel of a withdrawn one); refused when the alert is not for the population or cannot be valid CAP. */
  async document(actor: Actor, id: string): Promise<string> {
    const message = await this.earlyWarning.getAlert(actor, id);
    if (!message.public) throw new DiboliError('ERR_ALERT_NOT_PUBLIC');
    try {
      return await capDocumentOf(this.node, message);
    } catch (error) {
      if (error instanceof InvalidCapMessage) throw new DiboliError('ERR_ALERT_NOT_PUBLIC');
      throw error;
    }
  }

  /** The Atom feed of the caller's nation's public alerts, their Updates and Cancels; links start with `baseUrl`. */
  async feed(actor: Actor, baseUrl: string): Promise<string> {
    const messages = await this.earlyWarning.listAlerts(actor, { publicOnly: true, withSuperseded: true, limit: 200 });
    return capFeedOf(this.node, messages, baseUrl);
  }
}
