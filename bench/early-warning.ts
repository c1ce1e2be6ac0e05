import { DEFAULT_EARLY_WARNING_CONFIG as config } from '../src/domain/early-warning-config.js';
import { EVENT_TYPES, EVENT_TYPE_NAMES } from '../src/domain/event-types.js';
import { effectiveLevel, levelForScore, nextHistoryEntry, type LevelHistoryEntry } from '../src/domain/threat-level.js';
import { applyIncidentChange, computeAudienceScores, computeSectionScores, type ScoredIncident, type SectionScore } from '../src/domain/threat-score.js';
import { audiencesTouched, type Releasable } from '../src/domain/sovereignty.js';
import { seededRandom } from './figures.js';

const INCIDENTS = 1_000_000;
const NEW_INCIDENTS = 100_000;
/** Four borders of about 25 sections each: a large tripartite mechanism. */
const SECTIONS = 100;
const MS_PER_DAY = 86_400_000;

const sectionId = (i: number): string => `XX-YY-${String(i).padStart(3, '0')}`;

/** A tripartite mechanism seen from the first nation's node: every incident counts for each nation that may see it. */
const NATIONS = ['ML', 'SN', 'MR'];
const RELEASES: Releasable[] = [
  { owner: 'ML', releasableTo: [] },
  { owner: 'ML', releasableTo: ['SN'] },
  { owner: 'ML', releasableTo: ['MR', 'SN'] },
  { owner: 'SN', releasableTo: ['ML'] },
];

/** Incidents spread over the year before `now`, as the store would hand them over (ISO strings). */
function syntheticIncidents(count: number, now: Date, seed: number, spanDays: number): ScoredIncident[] {
  const random = seededRandom(seed);
  const grades = [1, 2, 3, 4, 5, 6] as const;
  const statuses = ['unverified', 'unverified', 'confirmed', 'refuted'] as const;
  const incidents: ScoredIncident[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const eventType = EVENT_TYPE_NAMES[Math.floor(random() * EVENT_TYPE_NAMES.length)]!;
    const subs = EVENT_TYPES[eventType];
    incidents[i] = {
      id: `inc-${seed}-${i}`,
      // Squared, so that some sections are much busier than others, as on a real border.
      section: sectionId(Math.floor(random() * random() * SECTIONS)),
      eventType,
      subEventType: subs[Math.floor(random() * subs.length)]!,
      occurredAt: new Date(now.getTime() - random() * spanDays * MS_PER_DAY).toISOString(),
      fatalities: random() < 0.8 ? 0 : Math.floor(random() * 12),
      credibility: grades[Math.floor(random() * grades.length)]!,
      status: statuses[Math.floor(random() * statuses.length)]!,
    };
  }
  return incidents;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export async function benchEarlyWarning(print: (line: string) => void): Promise<void> {
  const now = new Date('2025-02-20T12:00:00Z');
  const incidents = syntheticIncidents(INCIDENTS, now, 20250220, 365);

  // Baseline: the least any full pass must do — visit each incident, parse its date, add per section.
  const baseline = (): { ms: number; sections: number } => {
    const t0 = performance.now();
    const counts = new Map<string, number>();
    let latest = 0;
    for (const incident of incidents) {
      latest = Math.max(latest, Date.parse(incident.occurredAt));
      counts.set(incident.section, (counts.get(incident.section) ?? 0) + 1);
    }
    return { ms: performance.now() - t0, sections: latest > 0 ? counts.size : 0 };
  };
  const recompute = (): { ms: number; scores: Map<string, number>; levels: Map<string, string> } => {
    const t0 = performance.now();
    const scores = computeSectionScores(config, incidents, now);
    const levels = new Map<string, string>();
    for (const [section, score] of scores) levels.set(section, levelForScore(score, config.thresholds));
    return { ms: performance.now() - t0, scores, levels };
  };
  // First passes warm the JIT up; the second ones are measured.
  baseline();
  recompute();
  const { ms: baselineMs, sections: counted } = baseline();
  const { ms: fullMs, scores, levels } = recompute();

  const perLevel = { low: 0, medium: 0, high: 0, critical: 0 } as Record<string, number>;
  for (const level of levels.values()) perLevel[level] = (perLevel[level] ?? 0) + 1;
  print(
    `early-warning full recompute: ${INCIDENTS.toLocaleString('en')} incidents, ${scores.size} sections in ` +
      `${fullMs.toFixed(0)} ms (${Math.round((INCIDENTS / fullMs) * 1000).toLocaleString('en')} incidents/s); ` +
      `levels ${JSON.stringify(perLevel)}`,
  );
  print(
    `early-warning baseline (parse date + count per section, same incidents): ${baselineMs.toFixed(0)} ms; ` +
      `the score costs ${(fullMs / baselineMs).toFixed(2)}× the baseline (${counted} sections)`,
  );

  // Incremental: new incidents arrive one by one over the next 10 days; each updates only its
  // section's running score, level and history.
  const running = new Map<string, SectionScore>();
  const history = new Map<string, LevelHistoryEntry>();
  for (const [section, score] of scores) {
    running.set(section, { section, score, asOf: now.toISOString() });
    const entry = nextHistoryEntry(null, effectiveLevel(section, score, config.thresholds, undefined, now), now);
    if (entry) history.set(section, entry);
  }
  const arrivals = syntheticIncidents(NEW_INCIDENTS, new Date(now.getTime() + 10 * MS_PER_DAY), 7, 10).sort(
    (a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt),
  );
  const latencies = new Float64Array(NEW_INCIDENTS);
  let changes = 0;
  const tStart = performance.now();
  for (let i = 0; i < NEW_INCIDENTS; i++) {
    const incident = arrivals[i]!;
    const at = new Date(incident.occurredAt);
    const t = performance.now();
    const before = running.get(incident.section) ?? { section: incident.section, score: 0, asOf: at.toISOString() };
    const after = applyIncidentChange(config, before, { after: incident }, at);
    running.set(incident.section, after);
    const entry = nextHistoryEntry(history.get(incident.section), effectiveLevel(incident.section, after.score, config.thresholds, undefined, at), at);
    if (entry) {
      history.set(incident.section, entry);
      changes++;
    }
    latencies[i] = performance.now() - t;
  }
  const incrementalMs = performance.now() - tStart;
  latencies.sort();

  // The incremental scores must match a full recompute over old and new incidents together.
  const end = new Date(Date.parse(arrivals[NEW_INCIDENTS - 1]!.occurredAt));
  const full = computeSectionScores(config, [...incidents, ...arrivals], end);
  let worst = 0;
  for (const [section, score] of full) {
    const carried = running.get(section);
    if (!carried) continue;
    const decayed = carried.score * Math.pow(2, -(end.getTime() - Date.parse(carried.asOf)) / MS_PER_DAY / config.halfLifeDays);
    if (score > 1e-9) worst = Math.max(worst, Math.abs(decayed - score) / score);
  }

  print(
    `early-warning incremental update (one picture): ${NEW_INCIDENTS.toLocaleString('en')} new incidents, mean ` +
      `${((incrementalMs / NEW_INCIDENTS) * 1000).toFixed(2)} µs, p50 ${(percentile(latencies, 0.5) * 1000).toFixed(2)} µs, ` +
      `p99 ${(percentile(latencies, 0.99) * 1000).toFixed(2)} µs, p99.9 ${(percentile(latencies, 0.999) * 1000).toFixed(2)} µs, ` +
      `max ${(latencies[NEW_INCIDENTS - 1]! * 1000).toFixed(0)} µs per incident; ${changes} level changes; ` +
      `largest gap to a full recompute ${(worst * 100).toExponential(1)} %`,
  );

  // Per audience, as the node keeps them: the same incidents, each released as one of RELEASES
  // (a quarter each), counted for every nation that may see it — ML sees all, SN three quarters,
  // MR a quarter.
  const releaseOf = (i: number) => RELEASES[i % RELEASES.length]!;
  const audiencesByRelease = new Map(RELEASES.map((release) => [release, audiencesTouched([release], NATIONS)]));
  const indexOf = new Map(incidents.map((incident, i) => [incident, i]));
  const perAudience = (): { ms: number; scores: Map<string, Map<string, number>> } => {
    const t0 = performance.now();
    // As the node's recompute: one pass, each incident's points added to each audience that may see it.
    const scores = computeAudienceScores(config, incidents, (incident) => audiencesByRelease.get(releaseOf(indexOf.get(incident)!))!, now);
    return { ms: performance.now() - t0, scores };
  };
  perAudience();
  const { ms: audienceFullMs, scores: audienceScores } = perAudience();
  print(
    `early-warning full recompute per audience (${NATIONS.length} nations, same incidents): ${audienceFullMs.toFixed(0)} ms, ` +
      `${(audienceFullMs / fullMs).toFixed(2)}× the one-picture recompute`,
  );

  const audienceRunning = new Map<string, SectionScore>();
  const audienceHistory = new Map<string, LevelHistoryEntry>();
  const key = (nation: string, section: string) => `${nation}|${section}`;
  for (const [nation, sums] of audienceScores) {
    for (const [section, score] of sums) {
      audienceRunning.set(key(nation, section), { section, score, asOf: now.toISOString() });
      const entry = nextHistoryEntry(null, effectiveLevel(section, score, config.thresholds, undefined, now), now);
      if (entry) audienceHistory.set(key(nation, section), entry);
    }
  }
  const audienceLatencies = new Float64Array(NEW_INCIDENTS);
  let audienceChanges = 0;
  let touched = 0;
  const tAudience = performance.now();
  for (let i = 0; i < NEW_INCIDENTS; i++) {
    const incident = arrivals[i]!;
    const at = new Date(incident.occurredAt);
    const release = releaseOf(i);
    const t = performance.now();
    for (const nation of audiencesTouched([release], NATIONS)) {
      touched += 1;
      const k = key(nation, incident.section);
      const before = audienceRunning.get(k) ?? { section: incident.section, score: 0, asOf: at.toISOString() };
      const after = applyIncidentChange(config, before, { after: incident }, at);
      audienceRunning.set(k, after);
      const entry = nextHistoryEntry(audienceHistory.get(k), effectiveLevel(incident.section, after.score, config.thresholds, undefined, at), at);
      if (entry) {
        audienceHistory.set(k, entry);
        audienceChanges++;
      }
    }
    audienceLatencies[i] = performance.now() - t;
  }
  const audienceIncrementalMs = performance.now() - tAudience;
  audienceLatencies.sort();
  print(
    `early-warning incremental update per audience: ${NEW_INCIDENTS.toLocaleString('en')} new incidents (${(touched / NEW_INCIDENTS).toFixed(2)} audiences each), mean ` +
      `${((audienceIncrementalMs / NEW_INCIDENTS) * 1000).toFixed(2)} µs, p50 ${(percentile(audienceLatencies, 0.5) * 1000).toFixed(2)} µs, ` +
      `p99 ${(percentile(audienceLatencies, 0.99) * 1000).toFixed(2)} µs per incident (one picture: p50 ${(percentile(latencies, 0.5) * 1000).toFixed(2)} µs); ` +
      `${audienceChanges} level changes`,
  );
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  await benchEarlyWarning((line) => console.log(line));
}
