import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, createNodeContext } from '../src/composition.js';
import { installDemo } from '../src/cli/demo.js';
import { loadConfig } from '../src/config.js';
import { readFieldMessage } from '../src/domain/field-message/read-message.js';
import type { Actor } from '../src/domain/user.js';
import { FieldReporting } from '../src/services/field-reporting.js';
import { FieldSenders } from '../src/services/field-senders.js';
import { PatrolService } from '../src/services/patrol-service.js';
import { openStore } from '../src/store/database.js';
import { rate } from './figures.js';

const MESSAGES = 2_000;

/** SMS parsed, and SMS received through the gateway route and stored, per second, beside the node's own position insert. */
export async function benchFieldMessages(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'diboli-bench-sms-'));
  try {
    print('# Field messages (issue 17)');
    const context = { receivedAt: new Date().toISOString(), timeZone: 'Africa/Bamako' };
    const texts = Array.from({ length: MESSAGES }, (_, i) => `POS ML-1 ${(14.4 + i * 1e-5).toFixed(5)} -12.1995`);
    let started = performance.now();
    for (let round = 0; round < 10; round++) for (const text of texts) readFieldMessage(text, context);
    print(`SMS parsed (reader only)                      ${rate((10 * MESSAGES) / ((performance.now() - started) / 1000))} messages/s`);

    const config = loadConfig({ dataDir: dir }, {});
    const store = await openStore(dir);
    await installDemo(store, config);
    const node = await createNodeContext(config, store);
    const app = await buildApp(node, { webRoot: false });
    const user = async (username: string): Promise<Actor> => {
      const found = (await node.repos.users.findByUsername(username))!;
      return { userId: found.id, username, nation: found.nation, role: found.role };
    };
    const [coordinator, leader] = [await user('coord.ml'), await user('lead.ml')];
    const patrols = new PatrolService(node);
    const now = Date.now();
    const underway = async () => {
      const patrol = await patrols.create(coordinator, {
        name: 'Banc SMS',
        kind: 'national',
        unitIds: ['ml-gtia-diboli'],
        plannedStart: new Date(now - 3_600_000).toISOString(),
        plannedEnd: new Date(now + 3_600_000).toISOString(),
        leaderUserId: leader.userId,
      });
      for (const action of ['propose', 'approve', 'start'] as const) await patrols.act(coordinator, patrol.id, action);
      return patrol;
    };

    // Baseline: the node's own insert of one position per call, as the API's field reporting does it.
    const reporting = new FieldReporting(node);
    const direct = await underway();
    started = performance.now();
    for (let i = 0; i < MESSAGES; i++) {
      await reporting.reportPositions(leader, direct.id, [
        { at: new Date(now - (MESSAGES - i) * 1000).toISOString(), lat: 14.4 + i * 1e-5, lon: -12.1995, clientId: `b-${i}` },
      ]);
    }
    print(`baseline: one position per call (service)     ${rate(MESSAGES / ((performance.now() - started) / 1000))} positions/s`);

    const bySms = await underway();
    const senders = new FieldSenders(node);
    const { token } = await senders.addGateway('Banc');
    await senders.bindPhone(undefined, 'lead.ml', '+22376000001');
    const payloads = texts.map((text, i) => JSON.stringify({ id: `bench-${i}`, from: '+22376000001', text: text.replace('ML-1', bySms.code) }));
    started = performance.now();
    for (const payload of payloads) {
      const answer = await app.inject({
        method: 'POST',
        url: '/api/v1/field/sms',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload,
      });
      if (answer.statusCode !== 200 || !answer.body.includes('enregistr')) throw new Error(`bench SMS refused: ${answer.body}`);
    }
    print(`SMS received, parsed, stored and answered     ${rate(MESSAGES / ((performance.now() - started) / 1000))} messages/s (HTTP inject, sequential)`);
    started = performance.now();
    for (const payload of payloads.slice(0, 500)) {
      await app.inject({
        method: 'POST',
        url: '/api/v1/field/sms',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload,
      });
    }
    print(`gateway retries answered from the record      ${rate(500 / ((performance.now() - started) / 1000))} messages/s`);
    await app.close();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
