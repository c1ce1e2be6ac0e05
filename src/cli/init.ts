import { withStore } from '../composition.js';
import { repositoriesOf } from '../store/repositories.js';
import { setUpNode } from '../services/node-setup.js';
import { STRATEGIC_AXES } from '../geo/axes.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, NODE_FLAGS_HELP, parseFlags, reportingErrors } from './options.js';

export const initCommand: Command = {
  summary: 'make a data folder the node of a nation, with its partners and border sections',
  help: `Usage: diboli init --data DIR --nation ML --partners SN,MR [--section-km 25]

Creates (or updates) the node in DIR: its database, its mechanism with the partner nations, the
borders between them computed from Natural Earth 10m, cut into sections with stable ids
(ML-SN-01, ML-SN-02, …), and the strategic axes of the region. Running it again keeps the data and
recomputes the geography; it never changes the node's nation.

Options:
  --nation CODE       this node's nation (ISO 3166-1 alpha-2)
  --partners LIST     partner nations, comma-separated
  --mechanism NAME    the mechanism's name (default "Mécanisme conjoint …")
${NODE_FLAGS_HELP}`,
  async run(args, io) {
    const { values } = parseFlags(args, { ...NODE_FLAGS, nation: { type: 'string' }, partners: { type: 'string' }, mechanism: { type: 'string' } });
    if (!values.nation) throw new UsageError('--nation is required (e.g. --nation ML)');
    if (!values.partners) throw new UsageError('--partners is required (e.g. --partners SN,MR)');
    const config = configFrom(values);
    const nation = values.nation.toUpperCase();
    const partners = values.partners
      .split(',')
      .map((p) => p.trim().toUpperCase())
      .filter(Boolean);
    return reportingErrors(io.stderr, 'init', async () => {
      return withStore(config, async (store) => {
        const report = await setUpNode(
          repositoriesOf(store),
          { nation, partners, sectionKm: config.sectionKm, axes: [...STRATEGIC_AXES], mechanism: values.mechanism ? { name: values.mechanism } : undefined },
          (line) => io.stderr(`${line}\n`),
        );
        io.stdout(`Node ${nation} ready in ${config.dataDir}\nMechanism: ${report.mechanism.name} (${report.mechanism.nations.join(', ')})\n`);
        for (const b of report.borders) io.stdout(`  border ${b.id}: ${b.lengthKm.toFixed(1)} km, ${b.sections} sections\n`);
        return 0;
      });
    });
  },
};
