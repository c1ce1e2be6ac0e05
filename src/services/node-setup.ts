import { DiboliError } from '../domain/errors.js';
import { SHARED_KINDS, type Mechanism, type SharingPolicy } from '../domain/mechanism.js';
import { NATION_NAME, isNationCode, type NationCode } from '../kernel/nation.js';
import { generateNodeKeys } from '../federation/node-keys.js';
import { computeBorder } from '../geo/border.js';
import { sectionize } from '../geo/sectionize.js';
import type { StoredAxis } from '../store/geography-repository.js';
import type { Repositories } from './node-context.js';

export interface NodeSetup {
  nation: NationCode;
  partners: NationCode[];
  sectionKm: number;
  mechanism?: Partial<Omit<Mechanism, 'nations'>>;
  axes?: StoredAxis[];
}

export interface SetupReport {
  mechanism: Mechanism;
  borders: { id: string; lengthKm: number; sections: number }[];
}

/** Without a policy of its own, a mechanism releases incidents, patrols, posts and units to all partners; live positions to none. */
function defaultPolicy(partners: NationCode[]): SharingPolicy {
  const policy = {} as SharingPolicy;
  for (const kind of SHARED_KINDS) policy[kind] = kind === 'position' ? [] : [...partners];
  return policy;
}

function defaultName(nations: NationCode[]): string {
  return `Mécanisme conjoint ${nations.map((n) => NATION_NAME[n]?.fr ?? n).join('–')}`;
}

/**
 * Makes a data folder a node of `nation`: its mechanism with the partners, and the borders between
 * every pair of mechanism nations that share one, cut into sections. Running it again recomputes
 * the geography (section ids are stable) but never changes the node's nation.
 */
export async function setUpNode(repos: Repositories, setup: NodeSetup, progress: (line: string) => void = () => {}): Promise<SetupReport> {
  const { nation } = setup;
  for (const code of [nation, ...setup.partners]) {
    if (!isNationCode(code)) throw new DiboliError('ERR_VALIDATION', { detail: `nation code "${code}"` }, 'nation');
  }
  const partners = [...new Set(setup.partners.filter((p) => p !== nation))].sort();
  if (partners.length === 0) throw new DiboliError('ERR_VALIDATION', { detail: 'at least one partner nation' }, 'partners');
  const existing = await repos.node.identity();
  if (existing && existing.nation !== nation) {
    throw new DiboliError('ERR_VALIDATION', { detail: `this data folder is already the node of ${existing.nation}` }, 'nation');
  }
  const nations = [nation, ...partners];
  const mechanism: Mechanism = {
    id: setup.mechanism?.id ?? existing?.mechanismId ?? nations.slice().sort().join('-'),
    name: setup.mechanism?.name ?? defaultName(nations),
    nations,
    agreement: setup.mechanism?.agreement ?? { title: '', date: '', reference: '' },
    sharingPolicy: setup.mechanism?.sharingPolicy ?? defaultPolicy(partners),
  };

  progress('Computing borders from Natural Earth 10m…');
  const borders = [];
  for (let i = 0; i < nations.length; i++) {
    for (let j = i + 1; j < nations.length; j++) {
      const border = computeBorder(nations[i]!, nations[j]!);
      if (border) borders.push(border);
    }
  }
  if (borders.length === 0) throw new DiboliError('ERR_VALIDATION', { detail: 'the mechanism nations share no border' }, 'partners');
  const sections = borders.flatMap((b) => sectionize(b, { sectionKm: setup.sectionKm }));
  progress(`Cut ${borders.length} border(s) into ${sections.length} sections of ${setup.sectionKm} km.`);

  await repos.node.saveIdentity({ nation, mechanismId: mechanism.id }, mechanism);
  // The node's federation identity: made once, kept on later runs (partners registered its public key).
  await repos.keys.ensure(generateNodeKeys);
  await repos.geography.replace(borders, sections, setup.axes ?? (await repos.geography.axes()));
  return {
    mechanism,
    borders: borders.map((b) => ({ id: b.id, lengthKm: b.lengthKm, sections: sections.filter((s) => s.borderId === b.id).length })),
  };
}
