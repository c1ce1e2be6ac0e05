import type { Mechanism } from '../domain/mechanism.js';
import type { NationCode } from '../kernel/nation.js';
import { regionBasemap, type Basemap } from '../geo/basemap.js';
import type { Gazetteer, Place } from '../geo/gazetteer.js';
import { collectionForSending } from '../geo/geojson-output.js';
import type { StoredAxis, StoredBorder } from '../store/geography-repository.js';
import type { NodeContext } from './node-context.js';

/**
 * What every user of the node reads to draw the picture and is the same for all of them: the
 * mechanism, its borders and axes, the basemap around it and the gazetteer. (Sections carry
 * levels per audience: early warning answers them; units and posts follow releasability: the
 * organisation service answers them.)
 */
export class ReferenceService {
  // Rounded and wound once: the outlines never change while the node runs.
  private basemapOnce: Basemap | undefined;

  constructor(
    private readonly node: Pick<NodeContext, 'mechanism' | 'repos'>,
    private readonly gazetteer: () => Promise<Gazetteer>,
  ) {}

  mechanism(): Mechanism {
    return this.node.mechanism;
  }

  borders(): Promise<StoredBorder[]> {
    return this.node.repos.geography.borders();
  }

  axes(): Promise<StoredAxis[]> {
    return this.node.repos.geography.axes();
  }

  basemap(): Basemap {
    this.basemapOnce ??= collectionForSending(regionBasemap(this.node.mechanism.nations));
    return this.basemapOnce;
  }

  /** Places of the mechanism's nations (or of `country`) whose names match `query`, best first. */
  async places(query: string, options: { limit?: number; country?: NationCode }): Promise<Place[]> {
    return (await this.gazetteer()).search(query, { limit: options.limit ?? 10, country: options.country ?? this.node.mechanism.nations });
  }
}
