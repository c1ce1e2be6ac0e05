/**
 * `npm run bench [-- NAME…]`: prints figures, each beside a baseline measured in the same run.
 * Nothing here is asserted; the figures go into the notes of the work they measure.
 */
import { benchEarlyWarning } from './early-warning.js';
import { benchEarlyWarningNode } from './early-warning-node.js';
import { benchFederation } from './federation.js';
import { benchExtract } from './extract.js';
import { benchFieldMessages } from './field-messages.js';
import { benchField } from './field.js';
import { benchFieldNode } from './field-node.js';
import { benchGeo } from './geo.js';
import { benchNode } from './node.js';
import { benchTiles } from './tiles.js';
import { benchTracks } from './tracks.js';
import { benchTak } from './tak.js';
import { benchWeb } from './web.js';

const BENCHES: Record<string, (print: (line: string) => void) => Promise<void>> = {
  node: benchNode,
  tiles: benchTiles,
  tracks: benchTracks,
  geo: benchGeo,
  'early-warning': benchEarlyWarning,
  'early-warning-node': benchEarlyWarningNode,
  federation: benchFederation,
  web: benchWeb,
  extract: benchExtract,
  'field-messages': benchFieldMessages,
  field: benchField,
  'field-node': benchFieldNode,
  tak: benchTak,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench: ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})\n`);
  process.exit(2);
}
const print = (line: string) => process.stdout.write(`${line}\n`);
print(`Diboli benchmarks — node ${process.version}, ${new Date().toISOString()}`);
for (const [name, bench] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const started = performance.now();
  await bench(print);
  print(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
