import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earlyWarningOf } from '../../src/services/early-warning-service.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// A node must not be made to post into its own machine or network: webhook targets that are not
// public addresses are refused unless the node's operator allowed them (webhookAllowedHosts).

let demo: DemoNode;
let receiver: Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  demo = await startDemoNode();
  // What a node could be made to post into: a service listening on its own loopback.
  receiver = createServer((request, response) => {
    request.resume();
    response.writeHead(200).end();
  });
  receiver.on('connection', () => connections++);
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await demo.close();
});

describe('webhook targets are checked against an allow-list', () => {
  it('refuses, when added, an address of the node’s machine or networks however it is written, and writes nothing', async () => {
    const refused = [
      `http://127.0.0.1:${port}/hook`,
      `http://localhost:${port}/hook`,
      `http://2130706433:${port}/hook`, // 127.0.0.1 as one decimal number
      `http://0x7f.0.0.1:${port}/hook`, // and in hexadecimal
      `http://0177.0.0.1:${port}/hook`, // and in octal
      `http://[::1]:${port}/hook`,
      `http://[::ffff:127.0.0.1]:${port}/hook`,
      `http://[::ffff:7f00:1]:${port}/hook`,
      'http://10.0.0.5/hook',
      'http://192.168.1.20/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/hook',
      'http://[fd00::1]/hook',
      'http://224.0.0.1/hook',
      'http://0.0.0.0/hook',
      'http://[::]/hook',
    ];
    for (const url of refused) {
      const answer = await demo.call('POST', '/api/v1/webhooks', { as: 'coord.ml', body: { url } });
      expect(answer.status, url).toBe(400);
      expect(answer.body, url).toMatchObject({ code: 'ERR_WEBHOOK_TARGET_REFUSED', field: 'url' });
    }
    const english = await demo.call('POST', '/api/v1/webhooks', { as: 'coord.ml', body: { url: 'http://10.0.0.5/hook' }, lang: 'en' });
    expect(english.body.message).toContain('10.0.0.5 is not a public address (private network)');
    expect((await demo.call('GET', '/api/v1/webhooks', { as: 'coord.ml' })).body).toEqual([]);
    // A public address is accepted.
    const accepted = await demo.call('POST', '/api/v1/webhooks', { as: 'coord.ml', body: { url: 'https://93.184.215.14/alertes' } });
    expect(accepted.status).toBe(201);
  });

  it('checks again at each delivery, after resolving the name, and never connects to a refused address', async () => {
    // Webhooks stored before the check existed (or whose name resolved elsewhere when added).
    const earlyWarning = earlyWarningOf(demo.node);
    const stored = [`http://localhost:${port}/hook`, `http://127.0.0.1:${port}/hook`, `http://[::ffff:7f00:1]:${port}/hook`];
    for (const [i, url] of stored.entries()) {
      await earlyWarning.webhooks.repo.insert({
        id: `stored-${i}`,
        url,
        nation: 'ML',
        description: null,
        enabled: true,
        createdAt: new Date().toISOString(),
        createdBy: null,
      });
    }
    const rule = await demo.call('POST', '/api/v1/alert-rules', {
      as: 'coord.ml',
      body: {
        id: 'n1-battles',
        kind: 'incident-near',
        eventTypes: ['Battles'],
        target: { kind: 'axis', id: 'N1-RN1-TAMBACOUNDA-KAYES' },
        withinKm: 20,
        public: false,
      },
    });
    expect(rule.status).toBe(201);
    const incident = await demo.call('POST', '/api/v1/incidents', {
      as: 'coord.ml',
      body: {
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        location: { lat: 14.452, lon: -12.19 },
        eventType: 'Battles',
        subEventType: 'Armed clash',
        fatalities: 2,
        status: 'confirmed',
      },
    });
    expect(incident.status).toBe(201);

    const tried = async () => {
      const all = await Promise.all(stored.map((_, i) => earlyWarning.webhooks.repo.deliveries(`stored-${i}`)));
      return all.every((list) => list.length === 1 && list[0]!.attempts >= 1) ? all.map((list) => list[0]!) : undefined;
    };
    const deadline = Date.now() + 20_000;
    let deliveries = await tried();
    while (!deliveries && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      deliveries = await tried();
    }
    expect(deliveries, 'every stored webhook was attempted').toBeDefined();
    for (const delivery of deliveries!) {
      expect(delivery.status).not.toBe('delivered');
      expect(delivery.lastError).toMatch(/Webhook address refused: .* is not a public address \(loopback\)/);
    }
    expect(connections).toBe(0);
  });
});
