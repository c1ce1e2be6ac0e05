import { MIN_STRETCH_KM } from '../contracts/vocabularies.js';
import { lineLengthKm } from '../geo/line-length.js';
import { sliceLineKm } from '../geo/slice-line.js';
import type { LineString, LonLat } from '../kernel/geojson.js';
import type { NationCode } from '../kernel/nation.js';
import { validateWindow, type EarlyWarningConfig, type TimeWindow } from './early-warning-config.js';
import type { ThreatLevel } from '../contracts/vocabularies.js';
import type { FieldError, Validated } from './errors.js';
import { covers, samplePoints, type CoverageGap, type CoverageRule, type SectionLine } from './coverage.js';
import { THREAT_LEVEL_NAME } from './threat-level.js';

/**
 * Patrol recommendation: joint patrol routes, cut from the strategic axes, that cover as much of
 * the threat-weighted coverage gaps as the available units and the maximum route length allow.
 *
 * Each gap section is worth `levelWeight × staleness` points: the level weight (defaults medium 1,
 * high 3, critical 9) times how overdue it is — days since its last patrol divided by the coverage
 * period, capped at 2, and 2 for a section never patrolled. A route scores the points of the gap
 * sections it covers (same coverage rule as `coverage.ts`).
 *
 * Candidate routes are stretches of `maxLengthKm` starting every `stepKm` along each axis (or the
 * whole axis when shorter). The first route is the best candidate found; each further route (one
 * per joint team) is the best candidate counting only gaps not yet covered. For coverage, this
 * greedy choice is proven to reach at least 63 % of the best possible total and is exact when the
 * routes do not compete for the same sections. A chosen route is then trimmed, kilometre by kilometre
 * from each end, while it still covers the same gaps — no kilometre driven for nothing.
 */

export interface Axis {
  id: string;
  name: string;
  geometry: LineString;
}

export interface AvailableUnit {
  id: string;
  nation: NationCode;
  callSign?: string;
}

export interface RecommendationRequest {
  gaps: readonly CoverageGap[];
  /** Geometries of (at least) the gap sections. */
  sections: readonly SectionLine[];
  axes: readonly Axis[];
  units: readonly AvailableUnit[];
  /** Nations of the joint patrol: each proposal gets one available unit of each. */
  nations: readonly NationCode[];
  window: TimeWindow;
  maxLengthKm: number;
  /** Spacing of candidate start points along an axis; default 5 km. */
  stepKm?: number;
  /** At most this many proposals; default as many as there are joint teams. */
  maxProposals?: number;
}

export interface ScoreTerm {
  section: string;
  level: ThreatLevel;
  levelWeight: number;
  staleness: number;
  points: number;
  daysSincePatrol: number | null;
}

export interface PatrolProposal {
  rank: number;
  axis: string;
  axisName: string;
  fromKm: number;
  toKm: number;
  lengthKm: number;
  route: LineString;
  units: string[];
  window: TimeWindow;
  score: number;
  terms: ScoreTerm[];
  explanation: { fr: string; en: string };
}

type Settings = Pick<EarlyWarningConfig, 'levelWeights' | 'coverageDays' | 'coverageRadiusKm' | 'minCoveredFraction'>;

interface Candidate {
  axis: Axis;
  fromKm: number;
  toKm: number;
  covered: ReadonlySet<string>;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

export function gapTerm(gap: CoverageGap, settings: Settings): ScoreTerm {
  const levelWeight = settings.levelWeights[gap.level];
  const staleness = gap.daysSincePatrol === null ? 2 : Math.min(2, gap.daysSincePatrol / settings.coverageDays);
  return {
    section: gap.section,
    level: gap.level,
    levelWeight,
    staleness,
    points: levelWeight * staleness,
    daysSincePatrol: gap.daysSincePatrol,
  };
}

/** Joint teams: the i-th team takes the i-th available unit of every nation. */
export function jointTeams(units: readonly AvailableUnit[], nations: readonly NationCode[]): string[][] {
  const byNation = nations.map((nation) => units.filter((unit) => unit.nation === nation).map((unit) => unit.id));
  const count = Math.min(...byNation.map((ids) => ids.length));
  const teams: string[][] = [];
  for (let i = 0; i < count; i += 1) teams.push(byNation.map((ids) => ids[i] as string));
  return teams;
}

function slice(axis: Axis, fromKm: number, toKm: number): LineString {
  return sliceLineKm(axis.geometry, fromKm, toKm);
}

function coveredBy(route: LineString, samples: ReadonlyMap<string, LonLat[]>, rule: CoverageRule): Set<string> {
  const covered = new Set<string>();
  for (const [section, points] of samples) if (covers(points, route, rule)) covered.add(section);
  return covered;
}

/** The finest length and step a recommendation is computed with. */

function validateRequest(request: RecommendationRequest): FieldError[] {
  const errors: FieldError[] = [];
  const window = validateWindow(request.window);
  if (!window.ok) errors.push(...window.errors);
  // Candidates start every `stepKm` along each axis: a step of a metre (or of 1e-294 km, which held
  // the node for good) only multiplies the work; a patrol is planned to the kilometre.
  if (!(Number.isFinite(request.maxLengthKm) && request.maxLengthKm >= MIN_STRETCH_KM)) {
    errors.push({
      field: 'maxLengthKm',
      code: 'out_of_range',
      message: { fr: 'La longueur maximale doit être d’au moins 1 km.', en: 'The maximum length must be at least 1 km.' },
    });
  }
  if (request.stepKm !== undefined && !(Number.isFinite(request.stepKm) && request.stepKm >= MIN_STRETCH_KM)) {
    errors.push({
      field: 'stepKm',
      code: 'out_of_range',
      message: { fr: 'Le pas doit être d’au moins 1 km.', en: 'The step must be at least 1 km.' },
    });
  }
  if (request.nations.length === 0) {
    errors.push({ field: 'nations', code: 'required', message: { fr: 'Au moins une nation.', en: 'At least one nation.' } });
  }
  return errors;
}

function describe(axis: Axis, lengthKm: number, terms: readonly ScoreTerm[], score: number): { fr: string; en: string } {
  const part = (term: ScoreTerm, lang: 'fr' | 'en'): string => {
    const since =
      term.daysSincePatrol === null
        ? lang === 'fr'
          ? 'jamais patrouillé'
          : 'never patrolled'
        : lang === 'fr'
          ? `non patrouillé depuis ${Math.floor(term.daysSincePatrol)} j`
          : `not patrolled for ${Math.floor(term.daysSincePatrol)} d`;
    return `${term.section} (${THREAT_LEVEL_NAME[term.level][lang]}, ${since}) ${term.levelWeight} × ${round1(term.staleness)} = ${round1(term.points)}`;
  };
  const km = round1(lengthKm);
  return {
    fr: `${km} km sur l’axe ${axis.name}, couvre ${terms.length} tronçon(s) en lacune : ${terms.map((t) => part(t, 'fr')).join(' ; ')}. Score ${round1(score)}.`,
    en: `${km} km along axis ${axis.name}, covers ${terms.length} gap section(s): ${terms.map((t) => part(t, 'en')).join('; ')}. Score ${round1(score)}.`,
  };
}

export function recommendPatrols(request: RecommendationRequest, settings: Settings): Validated<PatrolProposal[]> {
  const errors = validateRequest(request);
  if (errors.length > 0) return { ok: false, errors };

  const rule: CoverageRule = { radiusKm: settings.coverageRadiusKm, minFraction: settings.minCoveredFraction };
  const stepKm = request.stepKm ?? 5;
  const teams = jointTeams(request.units, request.nations);
  const limit = Math.min(teams.length, request.maxProposals ?? teams.length);

  const termBySection = new Map<string, ScoreTerm>();
  for (const gap of request.gaps) {
    const term = gapTerm(gap, settings);
    if (term.points > 0) termBySection.set(gap.section, term);
  }
  const samples = new Map<string, LonLat[]>();
  for (const section of request.sections) {
    if (termBySection.has(section.id)) samples.set(section.id, samplePoints(section.geometry));
  }
  if (limit === 0 || samples.size === 0) return { ok: true, value: [] };

  const candidates: Candidate[] = [];
  for (const axis of request.axes) {
    const axisKm = lineLengthKm(axis.geometry);
    const span = Math.min(request.maxLengthKm, axisKm);
    const starts: number[] = [];
    for (let start = 0; start + span < axisKm; start += stepKm) starts.push(start);
    starts.push(axisKm - span);
    for (const fromKm of starts) {
      const toKm = fromKm + span;
      candidates.push({ axis, fromKm, toKm, covered: coveredBy(slice(axis, fromKm, toKm), samples, rule) });
    }
  }

  const gain = (covered: ReadonlySet<string>, taken: ReadonlySet<string>): number => {
    let points = 0;
    for (const section of covered) if (!taken.has(section)) points += termBySection.get(section)?.points ?? 0;
    return points;
  };

  const taken = new Set<string>();
  const proposals: PatrolProposal[] = [];
  for (const team of teams.slice(0, limit)) {
    let best: Candidate | undefined;
    let bestGain = 0;
    for (const candidate of candidates) {
      const points = gain(candidate.covered, taken);
      // Ties go to the shorter stretch, then to the earlier one, so results are reproducible.
      if (
        points > bestGain + 1e-9 ||
        (best && Math.abs(points - bestGain) <= 1e-9 && points > 0 && candidate.toKm - candidate.fromKm < best.toKm - best.fromKm - 1e-9)
      ) {
        best = candidate;
        bestGain = points;
      }
    }
    if (!best) break;
    const chosen = best;

    const wanted = [...best.covered].filter((section) => !taken.has(section));
    const stillCovers = (fromKm: number, toKm: number): boolean => {
      const covered = coveredBy(slice(chosen.axis, fromKm, toKm), samples, rule);
      return wanted.every((section) => covered.has(section));
    };
    // Trimmed by the kilometre: finer than the search step, coarse enough to stay cheap.
    const trimKm = Math.min(1, stepKm);
    let { fromKm, toKm } = best;
    while (toKm - fromKm > trimKm && stillCovers(fromKm + trimKm, toKm)) fromKm += trimKm;
    while (toKm - fromKm > trimKm && stillCovers(fromKm, toKm - trimKm)) toKm -= trimKm;

    const terms = wanted.map((section) => termBySection.get(section) as ScoreTerm).sort((a, b) => b.points - a.points || a.section.localeCompare(b.section));
    for (const section of wanted) taken.add(section);
    const lengthKm = toKm - fromKm;
    proposals.push({
      rank: proposals.length + 1,
      axis: best.axis.id,
      axisName: best.axis.name,
      fromKm,
      toKm,
      lengthKm,
      route: slice(best.axis, fromKm, toKm),
      units: team,
      window: request.window,
      score: bestGain,
      terms,
      explanation: describe(best.axis, lengthKm, terms, bestGain),
    });
  }
  return { ok: true, value: proposals };
}
