// Two sovereign nodes on this machine: Mali and Senegal, each the other's peer. An incident
// released by Mali to Senegal crosses; a national one does not; then Senegal answers with its own.
// Run after a build (`npm run demo:federation`). Ctrl-C stops both nodes; --exit stops after the show.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';

const keepRunning = !process.argv.includes('--exit');
const root = mkdtempSync(join(tmpdir(), 'diboli-federation-demo-'));
const PASSWORD = 'demo-federation-2025';
const nodes = {
  ML: { dir: join(root, 'mali'), port: Number(process.env.DIBOLI_DEMO_ML_PORT ?? 8081), partners: 'SN,MR', user: 'coord.ml' },
  SN: { dir: join(root, 'senegal'), port: Number(process.env.DIBOLI_DEMO_SN_PORT ?? 8082), partners: 'ML,MR', user: 'coord.sn' },
};
const children = [];

function cli(args, input) {
  const run = spawnSync(process.execPath, ['bin/diboli.js', ...args], { input, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`diboli ${args.join(' ')} failed:\n${run.stderr}`);
  return run.stdout;
}

function say(line) {
  process.stdout.write(`${line}\n`);
}

async function waitFor(probe, timeoutMs) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const found = await probe();
    if (found) return { found, ms: Date.now() - start };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { found: undefined, ms: Date.now() - start };
}

async function post(nation, path, body) {
  const answer = await fetch(`http://127.0.0.1:${nodes[nation].port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${path} on ${nation} failed: ${answer.status}`);
  return answer.json();
}

// A coordinator logs in with a second factor: the first login sets it up (as the web UI does),
// with the secret kept here to make the codes; the secret is printed for an authenticator app.
async function login(nation) {
  const node = nodes[nation];
  const credentials = { username: node.user, password: PASSWORD };
  const { secret } = await post(nation, '/api/v1/auth/login/enrolment', credentials);
  node.secret = secret;
  const code = TOTP.generate({ secret: Secret.fromBase32(secret) });
  return (await post(nation, '/api/v1/auth/login/enrolment/confirm', { ...credentials, code })).token;
}

async function api(nation, token, path, init = {}) {
  const answer = await fetch(`http://127.0.0.1:${nodes[nation].port}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'fr' },
  });
  const body = await answer.json();
  if (!answer.ok) throw new Error(`${init.method ?? 'GET'} ${path} on ${nation}: ${answer.status} ${JSON.stringify(body)}`);
  return body;
}

async function visibleOn(nation, token, id) {
  const collection = await api(nation, token, '/api/v1/incidents?limit=1000');
  return collection.features.find((f) => f.id === id);
}

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}

async function main() {
  say(`Dossiers des nœuds : ${root}`);
  for (const [nation, node] of Object.entries(nodes)) {
    say(`Initialisation du nœud ${nation}…`);
    cli(['init', '--data', node.dir, '--nation', nation, '--partners', node.partners]);
    cli(['user', 'add', '--data', node.dir, '--username', node.user, '--nation', nation, '--role', 'coordinator'], `${PASSWORD}\n`);
    node.key = JSON.parse(cli(['node', 'info', '--data', node.dir, '--json'])).publicKey;
    say(`  clé publique ${nation} : ${node.key}`);
  }
  cli(['peer', 'add', '--data', nodes.ML.dir, '--nation', 'SN', '--url', `http://127.0.0.1:${nodes.SN.port}`, '--key', nodes.SN.key]);
  cli(['peer', 'add', '--data', nodes.SN.dir, '--nation', 'ML', '--url', `http://127.0.0.1:${nodes.ML.port}`, '--key', nodes.ML.key]);
  say('Chaque nœud a enregistré l’autre comme pair.');

  for (const [nation, node] of Object.entries(nodes)) {
    const child = spawn(process.execPath, ['bin/diboli.js', 'serve', '--data', node.dir, '--port', String(node.port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    await waitFor(async () => (await fetch(`http://127.0.0.1:${node.port}/healthz`).catch(() => undefined))?.ok, 30_000);
    say(`Nœud ${nation} : http://127.0.0.1:${node.port}`);
  }

  const ml = await login('ML');
  const sn = await login('SN');
  const released = await api('ML', ml, '/api/v1/incidents', {
    method: 'POST',
    body: JSON.stringify({
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      location: { lat: 14.45, lon: -12.2 },
      placeName: 'Diboli',
      eventType: 'Violence against civilians',
      subEventType: 'Attack',
      narrative: 'Attaque contre un convoi de commerçants sur la RN1 près de Diboli.',
      releasableTo: ['SN'],
    }),
  });
  const national = await api('ML', ml, '/api/v1/incidents', {
    method: 'POST',
    body: JSON.stringify({
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      location: { lat: 14.1, lon: -11.9 },
      eventType: 'Strategic developments',
      subEventType: 'Other',
      narrative: 'Renseignement national, non diffusé.',
      releasableTo: [],
    }),
  });
  say(`Mali enregistre ${released.id} (diffusé au Sénégal) et ${national.id} (national).`);
  const crossing = await waitFor(() => visibleOn('SN', sn, released.id), 15_000);
  say(
    crossing.found
      ? `→ visible au Sénégal après ${crossing.ms} ms, propriétaire ${crossing.found.properties.owner}.`
      : '→ pas arrivé au Sénégal (voir les journaux).',
  );
  say((await visibleOn('SN', sn, national.id)) ? '→ ERREUR : l’incident national a quitté le Mali !' : '→ l’incident national reste au Mali.');

  const answer = await api('SN', sn, '/api/v1/incidents', {
    method: 'POST',
    body: JSON.stringify({
      occurredAt: new Date(Date.now() - 1_800_000).toISOString(),
      location: { lat: 14.47, lon: -12.22 },
      placeName: 'Kidira',
      eventType: 'Strategic developments',
      subEventType: 'Other',
      narrative: `Patrouille GARSI déployée à Kidira en réponse à l’incident malien ${released.id}.`,
      releasableTo: ['ML'],
    }),
  });
  const back = await waitFor(() => visibleOn('ML', ml, answer.id), 15_000);
  say(back.found ? `Sénégal répond par ${answer.id} → visible au Mali après ${back.ms} ms.` : 'La réponse du Sénégal n’est pas arrivée au Mali.');

  await api('ML', ml, `/api/v1/incidents/${released.id}`, { method: 'PATCH', body: JSON.stringify({ releasableTo: [] }) });
  const gone = await waitFor(async () => !(await visibleOn('SN', sn, released.id)), 15_000);
  say(gone.found ? `Mali retire la diffusion → la copie sénégalaise est supprimée après ${gone.ms} ms.` : 'La rétractation n’est pas arrivée.');

  if (!keepRunning) return;
  say(`\nLes deux nœuds tournent ; connexions ${nodes.ML.user} / ${nodes.SN.user}, mot de passe « ${PASSWORD} ». Ctrl-C pour arrêter.`);
  say(
    `Double authentification : clé ${nodes.ML.secret} (${nodes.ML.user}), ${nodes.SN.secret} (${nodes.SN.user}) à saisir dans une application d’authentification.`,
  );
  await new Promise((resolve) => process.once('SIGINT', resolve));
}

main()
  .catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    stopAll();
    rmSync(root, { recursive: true, force: true });
  });
