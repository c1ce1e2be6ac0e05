import type { NationCode } from '../kernel/nation.js';
import type { Releasable } from './sovereignty.js';

/** A node in a nation's tree of agencies and units (`SN › Zone militaire N°4 › GARSI`). */
export interface Unit extends Releasable {
  id: string;
  nation: NationCode;
  name: string;
  callSign: string;
  parentId: string | null;
  releasableTo: NationCode[];
}

export const POST_KINDS = ['border_post', 'base', 'checkpoint', 'command'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** A fixed site: border post, base, checkpoint. */
export interface Post extends Releasable {
  id: string;
  nation: NationCode;
  name: string;
  kind: PostKind;
  location: { lat: number; lon: number };
  section: string | null;
  releasableTo: NationCode[];
}
