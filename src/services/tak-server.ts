import { createServer as createPlainServer, type AddressInfo, type Server as PlainServer, type Socket } from 'node:net';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { DiboliError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import { DAY_MS, SECOND_MS } from '../kernel/durations.js';
import { cotXml } from '../tak/cot-event.js';
import { CotFrames } from '../tak/cot-frames.js';
import { PONG_TYPE } from '../tak/cot-inbound.js';
import type { LiveStream } from './live-stream.js';
import type { NodeContext } from './node-context.js';
import { actorFor } from './secondments.js';
import { loadTakCa, normalSerial } from './tak-ca.js';
import type { TakFeed } from './tak-feed.js';
import { readInbound, type TakInbound } from './tak-inbound.js';
import type { TakPicture } from './tak-picture.js';

export interface TakServerDeps {
  node: NodeContext;
  liveStream: LiveStream;
  picture: TakPicture;
  feed: TakFeed;
  inbound: TakInbound;
  /** Where refusals and closed connections are told, with their reason. */
  log?: (message: string, fields: Record<string, unknown>) => void;
}

export interface TakServerOptions {
  /** A TLS handshake not done by then is dropped (default 10 s). */
  handshakeMs?: number;
  /** An event begun and not finished by then closes the connection (default 10 s). */
  unfinishedEventMs?: number;
  /** How often the node looks for revoked certificates among its connections (default 5 s). */
  revocationCheckMs?: number;
  /** A client that leaves more than this many bytes unread is closed (default 8 MiB). */
  maxUnreadBytes?: number;
}

const DEFAULTS: Required<TakServerOptions> = {
  handshakeMs: 10 * SECOND_MS,
  unfinishedEventMs: 10 * SECOND_MS,
  revocationCheckMs: 5 * SECOND_MS,
  maxUnreadBytes: 8 * 1024 * 1024,
};

/** A client that connects is sent the incidents of the last 30 days; older ones are asked for (`GET /api/v1/cot`). */
export const PICTURE_DAYS = 30;
/** Events read and not yet stored, per connection, before the node stops reading from it. */
const INBOUND_BACKLOG = 64;

interface Connection {
  socket: Socket;
  /** The client certificate's serial; null on the loopback's plain listener. */
  serial: string | null;
  actor: Actor;
  detach: () => void;
}

/**
 * The TAK streaming endpoint: TLS with client certificates signed by the node's own CA
 * (`diboli tak ca init`, `diboli tak enrol`), speaking the CoT XML stream of ATAK and WinTAK. A
 * connection is accepted only with a certificate the node issued and has not revoked, for a user
 * that still exists; it then reads as that user's nation. It is sent that nation's picture, then
 * what the live stream sends that nation's clients (`TakFeed`), and what it sends is read as the
 * user's: positions and markers of the patrol the user leads. A revoked certificate's connections
 * are closed within `revocationCheckMs`. Hostile input (an entity bomb, an event that never ends,
 * a stream that is not CoT) is refused with a reason logged and closes that connection alone.
 */
export class TakServer {
  private readonly options: Required<TakServerOptions>;
  private readonly connections = new Set<Connection>();
  private readonly servers: (Server | PlainServer)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly log: (message: string, fields: Record<string, unknown>) => void;

  constructor(
    private readonly deps: TakServerDeps,
    options: TakServerOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.log = deps.log ?? (() => undefined);
  }

  get size(): number {
    return this.connections.size;
  }

  /** Starts listening; answers the port (0 picks a free one). */
  async listen(port: number, host: string): Promise<number> {
    const ca = loadTakCa(this.deps.node.config.dataDir);
    const server = createServer({
      key: ca.serverKey,
      cert: ca.serverCert,
      ca: [ca.caCert],
      requestCert: true,
      rejectUnauthorized: true,
      handshakeTimeout: this.options.handshakeMs,
      minVersion: 'TLSv1.2',
    });
    server.on('secureConnection', (socket) => void this.accept(socket).catch((error: unknown) => this.refuse(socket, (error as Error).message)));
    server.on('tlsClientError', (error, socket) => {
      this.log('TAK connection refused', { reason: error.message, address: socket.remoteAddress });
      socket.destroy();
    });
    return this.start(server, port, host);
  }

  /**
   * A plain TCP listener, on the loopback address only, every connection reading and writing as
   * `username`: for a bridge on the same machine, and for tests. Never on another address: without
   * TLS nothing says who connects.
   */
  async listenPlain(port: number, username: string): Promise<number> {
    const server = createPlainServer(
      (socket) => void this.acceptPlain(socket, username).catch((error: unknown) => this.refuse(socket, (error as Error).message)),
    );
    return this.start(server, port, '127.0.0.1');
  }

  private async start(server: Server | PlainServer, port: number, host: string): Promise<number> {
    this.servers.push(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    if (!this.timer) {
      this.timer = setInterval(() => void this.closeRevoked(), this.options.revocationCheckMs);
      this.timer.unref();
    }
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const connection of this.connections) this.drop(connection, 'node stopping');
    await Promise.all(this.servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }

  /** Closes the connections whose certificate was revoked since they connected. */
  async closeRevoked(): Promise<void> {
    const bySerial = new Map([...this.connections].flatMap((c) => (c.serial === null ? [] : [[c.serial, c] as const])));
    const withdrawn = await this.deps.node.repos.takCertificates.withdrawn([...bySerial.keys()]).catch(() => new Set<string>());
    for (const serial of withdrawn) {
      const connection = bySerial.get(serial);
      if (connection) this.drop(connection, 'certificate revoked');
    }
  }

  private refuse(socket: Socket, reason: string): void {
    this.log('TAK connection refused', { reason, address: socket.remoteAddress });
    socket.destroy();
  }

  private drop(connection: Connection, reason: string): void {
    if (!this.connections.delete(connection)) return;
    connection.detach();
    this.log('TAK connection closed', { reason, user: connection.actor.username });
    connection.socket.destroy();
  }

  private async accept(socket: TLSSocket): Promise<void> {
    socket.on('error', () => socket.destroy());
    const certificate = socket.getPeerCertificate();
    if (!socket.authorized || !certificate?.serialNumber) return this.refuse(socket, 'no client certificate');
    const serial = normalSerial(certificate.serialNumber);
    const { repos, clock } = this.deps.node;
    const listed = await repos.takCertificates.bySerial(serial);
    if (!listed) return this.refuse(socket, `certificate ${serial} was not issued by this node`);
    if (listed.revokedAt !== null) return this.refuse(socket, `certificate ${serial} of ${listed.username} is revoked`);
    if (listed.expiresAt < clock.now().toISOString()) return this.refuse(socket, `certificate ${serial} of ${listed.username} has expired`);
    const user = await repos.users.findByUsername(listed.username);
    if (!user) return this.refuse(socket, `user ${listed.username} no longer exists`);
    if (socket.destroyed) return;
    const actor = await actorFor(this.deps.node, user);
    socket.setNoDelay(true);
    this.serve({ socket, serial, actor, detach: () => undefined });
  }

  private async acceptPlain(socket: Socket, username: string): Promise<void> {
    socket.on('error', () => socket.destroy());
    const user = await this.deps.node.repos.users.findByUsername(username);
    if (!user) return this.refuse(socket, `user ${username} no longer exists`);
    if (socket.destroyed) return;
    socket.setNoDelay(true);
    this.serve({ socket, serial: null, actor: await actorFor(this.deps.node, user), detach: () => undefined });
  }

  private serve(connection: Connection): void {
    const { socket, actor } = connection;
    const nation = actor.nation;
    let queue: Promise<void> = Promise.resolve();
    const later = (task: () => Promise<void>) => {
      queue = queue.then(task).catch((error: unknown) => this.drop(connection, (error as Error).message));
    };
    const write = async (bytes: Buffer) => {
      if (socket.destroyed) return;
      if (socket.writableLength > this.options.maxUnreadBytes) throw new Error('client reads too slowly');
      if (socket.write(bytes)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          socket.off('drain', done).off('close', done);
          resolve();
        };
        socket.on('drain', done).on('close', done);
      });
    };
    this.connections.add(connection);
    socket.on('close', () => this.drop(connection, 'client closed'));
    // The picture first; what the live stream tells meanwhile waits behind it, in order.
    later(async () => {
      const since = new Date(this.deps.node.clock.now().getTime() - PICTURE_DAYS * DAY_MS).toISOString();
      for await (const events of this.deps.picture.events(nation, { from: since })) {
        if (events.length > 0) await write(Buffer.from(`${events.map((event) => cotXml(event)).join('\n')}\n`));
      }
    });
    const detach = this.deps.liveStream.attach({
      nation,
      send: (frame) =>
        later(async () => {
          const cot = await this.deps.feed.cotOf(frame, nation);
          if (cot) await write(cot);
        }),
    });
    connection.detach = detach;
    this.read(connection, (bytes) => later(() => write(bytes)));
  }

  private read(connection: Connection, reply: (bytes: Buffer) => void): void {
    const { socket, actor } = connection;
    const frames = new CotFrames();
    let unfinished: NodeJS.Timeout | undefined;
    let inbound: Promise<void> = Promise.resolve();
    let backlog = 0;
    socket.on('data', (chunk: Buffer) => {
      let events: string[];
      try {
        events = frames.push(chunk);
      } catch (error) {
        this.drop(connection, (error as Error).message);
        return;
      }
      // The clock of an unfinished event starts when it begins: sending it a byte at a time does not hold it open.
      if (frames.pending === 0 || events.length > 0) {
        if (unfinished) clearTimeout(unfinished);
        unfinished = undefined;
      }
      if (frames.pending > 0 && !unfinished) {
        unfinished = setTimeout(() => this.drop(connection, 'an event was begun and never finished'), this.options.unfinishedEventMs);
        unfinished.unref();
      }
      for (const text of events) {
        backlog += 1;
        inbound = inbound
          .then(() => this.receive(actor, text, reply))
          .finally(() => {
            backlog -= 1;
            if (backlog === 0 && socket.isPaused()) socket.resume();
          });
      }
      // A device that sends faster than the node stores waits: what it sends stays in its socket.
      if (backlog > INBOUND_BACKLOG) socket.pause();
    });
    socket.on('close', () => unfinished && clearTimeout(unfinished));
  }

  /** One event from the client: a keep-alive is answered; a refused event is logged and dropped, the connection stays. */
  private async receive(actor: Actor, text: string, reply: (bytes: Buffer) => void): Promise<void> {
    try {
      const { event, kind } = readInbound(text);
      if (kind === 'ping') {
        const now = this.deps.node.clock.now();
        const pong = { ...event, uid: 'takPong', type: PONG_TYPE, how: 'h-g-i-g-o', time: now.toISOString(), start: now.toISOString(), detail: {} };
        reply(Buffer.from(`${cotXml(pong)}\n`));
        return;
      }
      await this.deps.inbound.receive(actor, text);
    } catch (error) {
      const reason = error instanceof DiboliError ? error.messageIn('en') : (error as Error).message;
      this.log('TAK event refused', { reason, user: actor.username });
    }
  }
}
