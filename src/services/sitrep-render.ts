import type { Lang } from '../domain/errors.js';
import { eventTypeName } from '../domain/event-type-names.js';
import type { ThreatLevel } from '../domain/early-warning-config.js';
import { THREAT_LEVEL_NAME } from '../domain/threat-level.js';
import { escapeXml } from '../domain/cap-document.js';
import type { SitrepData } from './situation-report.js';

/** The situation report's text: Markdown, and self-contained HTML with inline SVG charts and map. */

// ——— texts ———

const TEXT = {
  fr: {
    title: 'Rapport de situation',
    period: 'Période',
    generated: 'Établi le',
    node: 'Nœud',
    summary: 'Synthèse',
    summaryLine: (n: number, f: number, s: number, p: number, g: number) =>
      `${n} incident(s) enregistré(s), ${f} mort(s), ${s} tronçon(s) touché(s) ; ${p} patrouille(s) achevée(s) ; ${g} tronçon(s) en lacune de couverture.`,
    bySection: 'Incidents par tronçon',
    byType: 'Incidents par type',
    byDay: 'Incidents par jour',
    levels: 'Tronçons dont le niveau a changé',
    noLevels: 'Aucun changement de niveau sur la période.',
    patrols: 'Patrouilles effectuées',
    noPatrols: 'Aucune patrouille achevée sur la période.',
    gaps: (d: number) => `Lacunes de couverture (niveau modéré ou plus, non patrouillé depuis ${d} j)`,
    noGaps: 'Aucune lacune de couverture.',
    never: 'jamais patrouillé',
    days: 'j',
    map: 'Carte : frontières, tronçons par niveau de menace, incidents de la période',
    section: 'Tronçon',
    count: 'Nombre',
    type: 'Type',
    change: 'Évolution',
    patrol: 'Patrouille',
    completed: 'Achevée le',
    level: 'Niveau',
    lastPatrol: 'Dernière patrouille',
    legend: 'Légende',
    incident: 'incident',
    overrideBy: 'forcé',
  },
  en: {
    title: 'Situation report',
    period: 'Period',
    generated: 'Prepared on',
    node: 'Node',
    summary: 'Summary',
    summaryLine: (n: number, f: number, s: number, p: number, g: number) =>
      `${n} incident(s) recorded, ${f} death(s), ${s} section(s) affected; ${p} patrol(s) completed; ${g} section(s) with a coverage gap.`,
    bySection: 'Incidents by section',
    byType: 'Incidents by type',
    byDay: 'Incidents by day',
    levels: 'Sections whose level changed',
    noLevels: 'No level change in the period.',
    patrols: 'Patrols completed',
    noPatrols: 'No patrol completed in the period.',
    gaps: (d: number) => `Coverage gaps (medium or above, not patrolled for ${d} d)`,
    noGaps: 'No coverage gap.',
    never: 'never patrolled',
    days: 'd',
    map: 'Map: borders, sections by threat level, incidents of the period',
    section: 'Section',
    count: 'Count',
    type: 'Type',
    change: 'Change',
    patrol: 'Patrol',
    completed: 'Completed on',
    level: 'Level',
    lastPatrol: 'Last patrol',
    legend: 'Legend',
    incident: 'incident',
    overrideBy: 'forced',
  },
} as const;

const LEVEL_COLOUR: Record<ThreatLevel, string> = { low: '#4caf50', medium: '#f2c200', high: '#f57c00', critical: '#c62828' };

const day = (iso: string) => iso.slice(0, 10);
const levelName = (level: ThreatLevel | null, lang: Lang) => (level === null ? '—' : THREAT_LEVEL_NAME[level][lang]);

function changeText(c: SitrepData['levelChanges'][number], lang: Lang): string {
  const path = [c.from, ...c.entries.map((e) => e.to)].map((l) => levelName(l, lang)).join(' → ');
  const forced = c.entries.filter((e) => e.source === 'override' && e.reason).map((e) => `${TEXT[lang].overrideBy} : ${e.reason}`);
  return [path, ...forced].join(' ; ');
}

// ——— Markdown ———

export function renderMarkdown(data: SitrepData, lang: Lang): string {
  const t = TEXT[lang];
  const lines: string[] = [];
  lines.push(`# ${t.title} — ${data.mechanism}`, '');
  lines.push(`- ${t.period} : ${day(data.from)} → ${day(data.to)}`, `- ${t.node} : ${data.nation}`, `- ${t.generated} : ${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC`, '');
  lines.push(`## ${t.summary}`, '', t.summaryLine(data.incidents.length, data.fatalities, data.bySection.filter(([s]) => s !== '—').length, data.patrolsDone.length, data.gaps.length), '');
  const table = (head: string[], rows: (string | number)[][]) => {
    lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${row.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`);
    lines.push('');
  };
  lines.push(`## ${t.bySection}`, '');
  table([t.section, t.count], data.bySection);
  lines.push(`## ${t.byType}`, '');
  table([t.type, t.count], data.byType.map(([type, count]) => [eventTypeName(type, lang), count]));
  lines.push(`## ${t.byDay}`, '');
  table([lang === 'fr' ? 'Jour' : 'Day', t.count], data.byDay.filter(([, n]) => n > 0));
  lines.push(`## ${t.levels}`, '');
  if (data.levelChanges.length === 0) lines.push(t.noLevels, '');
  else table([t.section, t.change], data.levelChanges.map((c) => [c.section, changeText(c, lang)]));
  lines.push(`## ${t.patrols}`, '');
  if (data.patrolsDone.length === 0) lines.push(t.noPatrols, '');
  else table([t.patrol, t.completed], data.patrolsDone.map((p) => [p.name, day(p.completedAt ?? '')]));
  lines.push(`## ${t.gaps(data.coverageDays)}`, '');
  if (data.gaps.length === 0) lines.push(t.noGaps, '');
  else table([t.section, t.level, t.lastPatrol], data.gaps.map((g) => [g.section, levelName(g.level, lang), g.lastPatrolledAt ? `${day(g.lastPatrolledAt)} (${Math.floor(g.daysSincePatrol ?? 0)} ${t.days})` : t.never]));
  return lines.join('\n');
}

// ——— SVG ———

function horizontalBars(items: readonly [string, number][], width = 640): string {
  if (items.length === 0) return '';
  const row = 22;
  const labelWidth = 230;
  const max = Math.max(...items.map(([, n]) => n), 1);
  const height = items.length * row + 8;
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">`;
  items.forEach(([label, n], i) => {
    const y = 4 + i * row;
    const w = ((width - labelWidth - 50) * n) / max;
    svg += `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" font-size="12">${escapeXml(label)}</text>`;
    svg += `<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" fill="#1f5f8b"/>`;
    svg += `<text x="${(labelWidth + w + 5).toFixed(1)}" y="${y + 15}" font-size="12">${n}</text>`;
  });
  return `${svg}</svg>`;
}

function dailyBars(items: readonly [string, number][], width = 640): string {
  if (items.length === 0) return '';
  const height = 160;
  const base = height - 24;
  const max = Math.max(...items.map(([, n]) => n), 1);
  const step = (width - 40) / items.length;
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">`;
  svg += `<line x1="30" y1="${base}" x2="${width - 5}" y2="${base}" stroke="#555"/>`;
  svg += `<text x="26" y="16" text-anchor="end" font-size="11">${max}</text>`;
  items.forEach(([label, n], i) => {
    const h = ((base - 14) * n) / max;
    const x = 32 + i * step;
    if (n > 0) svg += `<rect x="${x.toFixed(1)}" y="${(base - h).toFixed(1)}" width="${Math.max(1, step - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="#8b1f1f"><title>${escapeXml(label)} : ${n}</title></rect>`;
  });
  const first = items[0]![0];
  const last = items.at(-1)![0];
  svg += `<text x="32" y="${height - 6}" font-size="11">${first}</text><text x="${width - 5}" y="${height - 6}" font-size="11" text-anchor="end">${last}</text>`;
  return `${svg}</svg>`;
}

/** Equirectangular map scaled by the cosine of the mean latitude: true enough at this scale. */
function mapFigure(data: SitrepData, lang: Lang, width = 640): string {
  // Framed on what the period is about (its incidents and the sections above low), else the whole border.
  const points: [number, number][] = data.incidents.map((i) => [i.location.lon, i.location.lat]);
  for (const s of data.map.sections) if (s.level !== 'low') points.push(...(s.geometry.coordinates as [number, number][]));
  if (points.length === 0) for (const s of data.map.sections) points.push(...(s.geometry.coordinates as [number, number][]));
  if (points.length === 0) return '';
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const pad = 0.4;
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons) - pad, Math.max(...lons) + pad, Math.min(...lats) - pad, Math.max(...lats) + pad];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = width / ((maxLon - minLon) * k);
  const height = Math.min(900, Math.round((maxLat - minLat) * scale));
  const xy = ([lon, lat]: number[]) => `${((lon! - minLon) * k * scale).toFixed(1)},${((maxLat - lat!) * scale).toFixed(1)}`;
  // Lines running out of the frame are cut by the drawing's own edges (clip path below).
  const path = (coords: number[][]) => (coords.length >= 2 ? `M${coords.map(xy).join('L')}` : '');
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + 30}" width="${width}" height="${height + 30}" role="img" style="background:#f4f1ea">`;
  svg += `<defs><clipPath id="frame"><rect x="0" y="0" width="${width}" height="${height}"/></clipPath></defs><g clip-path="url(#frame)">`;
  for (const border of data.map.borders) {
    const lines = border.type === 'LineString' ? [border.coordinates] : border.coordinates;
    for (const line of lines) svg += `<path d="${path(line)}" fill="none" stroke="#777" stroke-width="1" stroke-dasharray="4 3"/>`;
  }
  for (const axis of data.map.axes) svg += `<path d="${path(axis.coordinates)}" fill="none" stroke="#b0a080" stroke-width="1.5"/>`;
  for (const s of data.map.sections) {
    svg += `<path d="${path(s.geometry.coordinates)}" fill="none" stroke="${LEVEL_COLOUR[s.level]}" stroke-width="5" stroke-linecap="round"><title>${escapeXml(s.id)} : ${THREAT_LEVEL_NAME[s.level][lang]}</title></path>`;
  }
  for (const i of data.incidents) {
    const [x, y] = xy([i.location.lon, i.location.lat]).split(',');
    svg += `<circle cx="${x}" cy="${y}" r="4" fill="#222" stroke="#fff" stroke-width="1"><title>${escapeXml(`${day(i.occurredAt)} ${eventTypeName(i.eventType, lang)} ${i.placeName ?? ''}`)}</title></circle>`;
  }
  svg += '</g>';
  let x = 8;
  for (const level of ['low', 'medium', 'high', 'critical'] as const) {
    svg += `<rect x="${x}" y="${height + 10}" width="14" height="8" fill="${LEVEL_COLOUR[level]}"/><text x="${x + 18}" y="${height + 18}" font-size="11">${THREAT_LEVEL_NAME[level][lang]}</text>`;
    x += 90;
  }
  svg += `<circle cx="${x + 6}" cy="${height + 14}" r="4" fill="#222"/><text x="${x + 14}" y="${height + 18}" font-size="11">${TEXT[lang].incident}</text>`;
  return `${svg}</svg>`;
}

// ——— HTML ———

export function renderHtml(data: SitrepData, lang: Lang): string {
  const t = TEXT[lang];
  const e = escapeXml;
  const table = (head: string[], rows: (string | number)[][]) =>
    `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${e(String(c))}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const levelCell = (level: ThreatLevel) => `<span class="lvl" style="background:${LEVEL_COLOUR[level]}"></span>${e(THREAT_LEVEL_NAME[level][lang])}`;
  const parts: string[] = [];
  parts.push(`<h1>${e(t.title)}</h1><p class="sub">${e(data.mechanism)}</p>`);
  parts.push(
    `<p class="meta">${e(t.period)} : <strong>${day(data.from)} → ${day(data.to)}</strong> · ${e(t.node)} : ${e(data.nation)} · ${e(t.generated)} ${e(data.generatedAt.slice(0, 16).replace('T', ' '))} UTC</p>`,
  );
  parts.push(`<h2>${e(t.summary)}</h2><p>${e(t.summaryLine(data.incidents.length, data.fatalities, data.bySection.filter(([s]) => s !== '—').length, data.patrolsDone.length, data.gaps.length))}</p>`);
  parts.push(`<figure>${mapFigure(data, lang)}<figcaption>${e(t.map)}</figcaption></figure>`);
  parts.push(`<h2>${e(t.byDay)}</h2><figure>${dailyBars(data.byDay)}</figure>`);
  parts.push(`<h2>${e(t.bySection)}</h2><figure>${horizontalBars(data.bySection)}</figure>`);
  parts.push(`<h2>${e(t.byType)}</h2><figure>${horizontalBars(data.byType)}</figure>`);
  parts.push(`<h2>${e(t.levels)}</h2>`);
  parts.push(
    data.levelChanges.length === 0
      ? `<p>${e(t.noLevels)}</p>`
      : `<table><thead><tr><th>${e(t.section)}</th><th>${e(t.level)}</th><th>${e(t.change)}</th></tr></thead><tbody>${data.levelChanges
          .map((c) => `<tr><td>${e(c.section)}</td><td>${levelCell(c.to)}</td><td>${e(changeText(c, lang))}</td></tr>`)
          .join('')}</tbody></table>`,
  );
  parts.push(`<h2>${e(t.patrols)}</h2>`);
  parts.push(data.patrolsDone.length === 0 ? `<p>${e(t.noPatrols)}</p>` : table([t.patrol, t.completed], data.patrolsDone.map((p) => [p.name, day(p.completedAt ?? '')])));
  parts.push(`<h2>${e(t.gaps(data.coverageDays))}</h2>`);
  parts.push(
    data.gaps.length === 0
      ? `<p>${e(t.noGaps)}</p>`
      : `<table><thead><tr><th>${e(t.section)}</th><th>${e(t.level)}</th><th>${e(t.lastPatrol)}</th></tr></thead><tbody>${data.gaps
          .map((g) => `<tr><td>${e(g.section)}</td><td>${levelCell(g.level)}</td><td>${e(g.lastPatrolledAt ? `${day(g.lastPatrolledAt)} (${Math.floor(g.daysSincePatrol ?? 0)} ${t.days})` : t.never)}</td></tr>`)
          .join('')}</tbody></table>`,
  );
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${e(t.title)} ${day(data.from)} – ${day(data.to)}</title>
<style>
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:12px;color:#222;margin:24px;max-width:720px}
h1{font-size:22px;margin:0}h2{font-size:15px;border-bottom:1px solid #ccc;padding-bottom:2px;margin-top:20px}
.sub{margin:2px 0 8px;color:#555}.meta{color:#444}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eee}figure{margin:8px 0}figcaption{font-size:11px;color:#555}
.lvl{display:inline-block;width:10px;height:10px;margin-right:5px;border-radius:2px}
@page{size:A4;margin:14mm}
</style></head><body>
${parts.join('\n')}
</body></html>
`;
}
