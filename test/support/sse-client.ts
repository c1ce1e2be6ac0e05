import { request as httpRequest, type IncomingMessage } from 'node:http';

/** One server-sent event as a client reads it: its id (when the frame has one), name and JSON data. */
export interface StreamFrame {
  id: string | null;
  event: string;
  data: unknown;
}

export interface StreamSubscription {
  frames: StreamFrame[];
  close(): void;
}

/**
 * A minimal SSE client over node:http, reading `/api/v1/stream` with a bearer token; frames parsed
 * as they arrive. `lastEventId` is sent as `Last-Event-ID`, as a client coming back sends it.
 */
export function subscribeStream(origin: string, token: string, options: { lastEventId?: string } = {}): Promise<StreamSubscription> {
  return new Promise((resolve, reject) => {
    const frames: StreamFrame[] = [];
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
    if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
    const req = httpRequest(`${origin}/api/v1/stream`, { headers }, (response: IncomingMessage) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) frames.push({ id: /^id: (.*)$/m.exec(block)?.[1] ?? null, event, data: JSON.parse(data) });
        }
      });
      resolve({ frames, close: () => req.destroy() });
    });
    req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
    req.end();
  });
}
