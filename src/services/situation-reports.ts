import type { Actor } from '../domain/user.js';
import type { EarlyWarningService } from './early-warning-service.js';
import type { NodeContext } from './node-context.js';
import { pdfPrinterOf, type PdfPrinter } from './pdf-printer.js';
import { situationReport, type SitrepOutput, type SitrepRequest } from './situation-report.js';

/** Situation reports asked for by the node's users, printed to PDF by the node's one browser. */
export class SituationReports {
  constructor(
    private readonly node: NodeContext,
    private readonly earlyWarning: EarlyWarningService,
    private readonly printer: PdfPrinter = pdfPrinterOf(node),
  ) {}

  /** The report of a period as the officer's nation sees it (or the audience it names). Printing is the costly part: one PDF in hand per user, and a bounded queue for the node. */
  async forOfficer(actor: Actor, asked: SitrepRequest): Promise<SitrepOutput> {
    if (asked.format !== 'pdf') return situationReport(this.node, this.earlyWarning, actor.nation, asked);
    return this.printer.forRequester(actor.userId, (print) => situationReport(this.node, this.earlyWarning, actor.nation, asked, { print }));
  }

  /** Closes the browser, if one was started. */
  close(): Promise<void> {
    return this.printer.close();
  }
}
