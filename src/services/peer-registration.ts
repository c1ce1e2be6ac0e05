import { DiboliError } from '../domain/errors.js';
import { partnersOf } from '../domain/mechanism.js';
import { isNationCode } from '../kernel/nation.js';
import { normalisePublicKey } from '../federation/node-keys.js';
import type { Peer } from '../store/peer-repository.js';
import type { NodeContext } from './node-context.js';

export interface PeerInput {
  nation: string;
  url: string;
  key: string;
}

/** Registers (or updates) a partner node: a nation of the mechanism, an http(s) address, an Ed25519 key. */
export async function registerPeer(node: NodeContext, input: PeerInput): Promise<Peer> {
  const nation = input.nation.trim().toUpperCase();
  if (!isNationCode(nation)) throw new DiboliError('ERR_VALIDATION', { detail: `nation code "${input.nation}"` }, 'nation');
  if (!partnersOf(node.mechanism, node.nation).includes(nation)) throw new DiboliError('ERR_NOT_A_PARTNER', { nation }, 'nation');
  let url: URL;
  try {
    url = new URL(input.url.trim());
  } catch {
    throw new DiboliError('ERR_BAD_PEER_URL', { value: input.url }, 'url');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) {
    throw new DiboliError('ERR_BAD_PEER_URL', { value: input.url }, 'url');
  }
  const publicKey = normalisePublicKey(input.key);
  if (!publicKey) throw new DiboliError('ERR_BAD_PUBLIC_KEY', {}, 'key');
  const holder = await node.repos.peers.byKey(publicKey);
  if (holder && holder.nation !== nation) throw new DiboliError('ERR_KEY_IN_USE', { nation: holder.nation }, 'key');
  const own = await node.repos.keys.keys();
  if (own?.publicKey === publicKey) throw new DiboliError('ERR_KEY_IN_USE', { nation: node.nation }, 'key');
  const at = node.clock.now().toISOString();
  await node.repos.peers.save({ nation, url: url.toString().replace(/\/+$/, ''), publicKey }, at);
  await node.repos.audit.record(at, [{ action: 'peer.registered', detail: { nation, url: url.toString(), publicKey } }]);
  return (await node.repos.peers.byNation(nation))!;
}
