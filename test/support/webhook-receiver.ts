import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST a webhook receiver got: its path, the headers the node sets, and the JSON body. */
export interface ReceivedPost {
  path: string;
  idempotencyKey: string;
  delivery: string;
  attempt: string;
  body: any;
}

export interface WebhookReceiver {
  url: string;
  posts: ReceivedPost[];
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 that answers 200 to every POST and keeps what it got. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const posts: ReceivedPost[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* kept as text */
      }
      posts.push({
        path: request.url ?? '',
        idempotencyKey: String(request.headers['idempotency-key'] ?? ''),
        delivery: String(request.headers['x-diboli-delivery'] ?? ''),
        attempt: String(request.headers['x-diboli-attempt'] ?? ''),
        body,
      });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
