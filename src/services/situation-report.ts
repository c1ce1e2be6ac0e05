import { DiboliError, type Lang } from '../domain/errors.js';
import type { ThreatLevel } from '../contracts/vocabularies.js';
import type { Incident } from '../contracts/incident.js';
import type { NationCode } from '../kernel/nation.js';
import type { Patrol } from '../contracts/patrol.js';
import type { LevelHistoryEntry } from '../domain/threat-level.js';
import type { Actor } from '../domain/user.js';
import type { CoverageGap } from '../domain/coverage.js';
import type { LineString, MultiLineString } from '../kernel/geojson.js';
import type { BasemapLayers } from '../map/basemap-layers.js';
import { basemapLayersOf } from '../map/basemap-source.js';
import type { EarlyWarningService } from './early-warning-service.js';
import type { NodeContext } from './node-context.js';
import type { Print } from './pdf-printer.js';
import { documentAudience, mayReportFor } from '../domain/sovereignty.js';
import { releasabilitiesBehind } from '../store/sovereignty.js';
import { renderHtml, renderMarkdown } from './sitrep-render.js';
import { DAY_MS } from '../kernel/durations.js';

export { renderHtml, renderMarkdown } from './sitrep-render.js';

/**
 * The situation report (SITREP) of a period: summary, incidents by section, type and day, sections
 * whose level changed, patrols done and coverage gaps, and a map — as Markdown, self-contained HTML
 * (inline SVG, nothing fetched) or PDF printed from that HTML by headless Chromium.
 */

export const SITREP_FORMATS = ['html', 'pdf', 'md'] as const;
export type SitrepFormat = (typeof SITREP_FORMATS)[number];

export interface SitrepRequest {
  from: string;
  to: string;
  lang: Lang;
  format: SitrepFormat;
  /**
   * The nation whose view the report shows, when not the maker's own: an officer of the node's
   * nation makes the version a partner may receive (what that partner sees here, which the
   * node's nation sees too). See `mayReportFor`.
   */
  audience?: NationCode;
}

export interface SitrepData {
  nation: NationCode;
  /** The reader's nation: the report is what it may see. */
  viewer: NationCode;
  /**
   * The partners the report may be handed to whole (every record in it and behind its figures is
   * released to them); empty when it must stay national. Printed on every page.
   */
  releasableTo: NationCode[];
  mechanism: string;
  from: string;
  to: string;
  generatedAt: string;
  incidents: Incident[];
  bySection: [string, number][];
  byType: [string, number][];
  byDay: [string, number][];
  fatalities: number;
  levelChanges: { section: string; from: ThreatLevel | null; to: ThreatLevel; entries: LevelHistoryEntry[] }[];
  levels: Map<string, ThreatLevel>;
  patrolsDone: Patrol[];
  gaps: CoverageGap[];
  coverageDays: number;
  map: {
    borders: (LineString | MultiLineString)[];
    sections: { id: string; geometry: LineString; level: ThreatLevel }[];
    axes: LineString[];
    /** The web map's basemap (places, rivers, lakes, boundaries): reference data, the same for every reader. */
    basemap?: BasemapLayers;
  };
}

/** Label of incidents attributed to no section (beyond the buffer zone). */
const OUTSIDE = '—';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day alone means the whole day: `--to 2026-11-30` includes the 30th. */
export function sitrepWindow(from: string, to: string): { from: string; to: string } {
  const start = Date.parse(DAY.test(from) ? `${from}T00:00:00Z` : from);
  const end = DAY.test(to) ? Date.parse(`${to}T00:00:00Z`) + DAY_MS - 1 : Date.parse(to);
  if (Number.isNaN(start)) throw new DiboliError('ERR_VALIDATION', { detail: 'from' }, 'from');
  if (Number.isNaN(end)) throw new DiboliError('ERR_VALIDATION', { detail: 'to' }, 'to');
  if (end < start) throw new DiboliError('ERR_BAD_TIME_RANGE', {}, 'from');
  if (end - start > 366 * DAY_MS) throw new DiboliError('ERR_VALIDATION', { detail: 'to: a report covers at most 366 days' }, 'to');
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

function counted(values: Iterable<string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * What the report says, for one viewer's nation: its incidents, and its levels, level history and
 * coverage — computed from what that nation may see, like every other channel it reads.
 */
export async function gatherSitrep(
  node: NodeContext,
  earlyWarning: EarlyWarningService,
  viewer: NationCode,
  window: { from: string; to: string },
  maker: NationCode = viewer,
): Promise<SitrepData> {
  const actor: Actor = { userId: 'sitrep', username: 'sitrep', nation: viewer, role: 'observer' };
  // The viewer's levels brought to now (a recompute may still be running after the node started).
  const levels = await earlyWarning.sectionLevels(actor);
  const incidents = await node.repos.incidents.search(viewer, { from: window.from, to: window.to, limit: 50_000 });
  const days: [string, number][] = [];
  const perDay = new Map(counted(incidents.map((i) => i.occurredAt.slice(0, 10))));
  for (let t = Date.parse(window.from.slice(0, 10)); t <= Date.parse(window.to); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push([day, perDay.get(day) ?? 0]);
  }
  const history = await earlyWarning.levelHistory(actor, window);
  const changes = new Map<string, LevelHistoryEntry[]>();
  for (const entry of history) changes.set(entry.section, [...(changes.get(entry.section) ?? []), entry]);
  const levelChanges = [...changes]
    .map(([section, entries]) => ({ section, from: entries[0]!.from, to: entries.at(-1)!.to, entries }))
    // A first reading (from nothing to low) is bookkeeping, not news.
    .filter((c) => !(c.from === null && c.to === 'low' && c.entries.length === 1))
    .sort((a, b) => a.section.localeCompare(b.section));
  const patrols = await node.repos.patrols.listVisible(viewer);
  const patrolsDone = patrols
    .filter((p) => p.status === 'completed' && p.completedAt !== null && p.completedAt >= window.from && p.completedAt <= window.to)
    .sort((a, b) => (a.completedAt ?? '').localeCompare(b.completedAt ?? ''));
  const coverage = await earlyWarning.coverage(actor);
  const sections = await node.repos.geography.sections();
  // Levels, their history and coverage rest on the records of the scores' look-back too.
  const lookback = new Date(Date.parse(window.from) - earlyWarning.settings().lookbackDays * DAY_MS).toISOString();
  const behind = await releasabilitiesBehind(node.store.db, viewer, { incidents: lookback, overrides: window.from });
  const levelOf = new Map(levels.map((l) => [l.section, l.level]));
  return {
    nation: node.nation,
    viewer,
    releasableTo: documentAudience([...incidents, ...patrolsDone, ...behind], node.mechanism.nations, maker),
    mechanism: node.mechanism.name,
    from: window.from,
    to: window.to,
    generatedAt: node.clock.now().toISOString(),
    incidents,
    bySection: counted(incidents.map((i) => i.section ?? OUTSIDE)),
    byType: counted(incidents.map((i) => i.eventType)),
    byDay: days,
    fatalities: incidents.reduce((sum, i) => sum + (i.fatalities ?? 0), 0),
    levelChanges,
    levels: levelOf,
    patrolsDone,
    gaps: coverage.gaps,
    coverageDays: coverage.days,
    map: {
      borders: (await node.repos.geography.borders()).map((b) => b.geometry),
      sections: sections.map((s) => ({ id: s.id, geometry: s.geometry, level: levelOf.get(s.id) ?? 'low' })),
      axes: (await node.repos.geography.axes()).map((a) => a.geometry),
      basemap: await basemapLayersOf(node.mechanism.nations, node.repos.geography),
    },
  };
}

// ——— PDF ———
// Printed by the node's one browser (./pdf-printer.ts), which the caller hands in as `print`.

export interface SitrepOutput {
  contentType: string;
  body: string | Buffer;
}

/** The whole report for a viewer, in the format asked for. */
export async function situationReport(
  node: NodeContext,
  earlyWarning: EarlyWarningService,
  viewer: NationCode,
  request: SitrepRequest,
  options: { print?: Print } = {},
): Promise<SitrepOutput> {
  if (request.lang !== 'fr' && request.lang !== 'en') throw new DiboliError('ERR_VALIDATION', { detail: 'lang: fr or en' }, 'lang');
  if (!(SITREP_FORMATS as readonly string[]).includes(request.format)) throw new DiboliError('ERR_VALIDATION', { detail: 'format: html, pdf or md' }, 'format');
  const window = sitrepWindow(request.from, request.to);
  const audience = request.audience ?? viewer;
  if (!mayReportFor(viewer, node.nation, audience, node.mechanism.nations)) throw new DiboliError('ERR_REPORT_AUDIENCE', { nation: audience }, 'for');
  const data = await gatherSitrep(node, earlyWarning, audience, window, viewer);
  if (request.format === 'md') return { contentType: 'text/markdown; charset=utf-8', body: renderMarkdown(data, request.lang) };
  const html = renderHtml(data, request.lang);
  if (request.format === 'html') return { contentType: 'text/html; charset=utf-8', body: html };
  if (!options.print) throw new DiboliError('ERR_PDF_UNAVAILABLE', { detail: 'no printer' });
  return { contentType: 'application/pdf', body: await options.print(html) };
}
