import { MAX_COT_BYTES } from './cot-parse.js';

/**
 * Cuts a TAK client's byte stream into events. TAK clients write XML events one after the other on
 * the connection, each possibly behind its own `<?xml …?>` declaration; an event ends at
 * `</event>` (or is one empty `<event …/>`). What is held waiting for an event's end is bounded:
 * more than `MAX_COT_BYTES` without one closes the connection, as does anything between events
 * that is not blank or a declaration.
 */
export class CotFrames {
  private held: Buffer = Buffer.alloc(0);

  /** The events completed by `chunk`; throws when the stream is not a CoT stream or an event is too long. */
  push(chunk: Buffer): string[] {
    this.held = this.held.length === 0 ? chunk : Buffer.concat([this.held, chunk]);
    const events: string[] = [];
    for (;;) {
      const start = this.eventStart();
      if (start < 0) break;
      const end = this.eventEnd(start);
      if (end < 0) break;
      events.push(this.held.subarray(start, end).toString('utf8'));
      this.held = this.held.subarray(end);
    }
    if (this.held.length > MAX_COT_BYTES) throw new Error(`no complete event within ${MAX_COT_BYTES} bytes`);
    return events;
  }

  /** Bytes received and not yet part of a whole event (a client that stops mid-event). */
  get pending(): number {
    return this.held.length;
  }

  /** Where the next event begins, after blanks and declarations; -1 while it has not come. */
  private eventStart(): number {
    let at = 0;
    for (;;) {
      while (at < this.held.length && isBlank(this.held[at]!)) at++;
      if (at >= this.held.length) {
        this.held = Buffer.alloc(0);
        return -1;
      }
      if (this.startsWith(at, '<?')) {
        const close = this.held.indexOf('?>', at);
        if (close < 0) return -1;
        at = close + 2;
        continue;
      }
      // Where entities would be declared: never read, the connection is closed.
      if (this.startsWith(at, '<!')) throw new Error('document type declarations are not accepted');
      const head = this.held.subarray(at, at + 7).toString('latin1');
      if ('<event'.startsWith(head.slice(0, 6)) && (head.length < 7 || /[\s/>]/.test(head[6]!))) {
        if (head.length < 7) return -1;
        this.held = this.held.subarray(at);
        return 0;
      }
      throw new Error('the stream holds something other than CoT events');
    }
  }

  private eventEnd(start: number): number {
    const close = this.held.indexOf('</event>', start);
    const tagEnd = this.held.indexOf('>', start);
    // `<event …/>`: an event with neither point nor detail, whole in its start tag.
    if (tagEnd > 0 && this.held[tagEnd - 1] === 0x2f && (close < 0 || tagEnd < close)) return tagEnd + 1;
    return close < 0 ? -1 : close + '</event>'.length;
  }

  private startsWith(at: number, text: string): boolean {
    return this.held.subarray(at, at + text.length).toString('latin1') === text;
  }
}

function isBlank(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
