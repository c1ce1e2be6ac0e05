import { escapeXml } from '../kernel/xml-text.js';
import type { Lang } from '../domain/errors.js';
import type { ThreatLevel } from '../contracts/vocabularies.js';
import { eventTypeName, SUB_EVENT_TYPE_FR } from '../domain/event-type-names.js';
import type { Incident } from '../contracts/incident.js';
import { THREAT_LEVEL_COLOUR, THREAT_LEVEL_NAME } from '../domain/threat-level.js';
import { dailyBars, horizontalBars, mapFigure } from './sitrep-figures.js';
import type { SitrepData } from './situation-report.js';

/** The situation report's text: Markdown, and self-contained HTML with inline SVG charts and map. */

// ——— texts ———

const TEXT = {
  fr: {
    title: 'Rapport de situation',
    /** French puts a (narrow) space before a colon; English does not. */
    colon: '\u00a0: ',
    period: 'Période',
    generated: 'Établi le',
    node: 'Nœud',
    reader: 'Vue de',
    national: 'NATIONAL — ne pas diffuser',
    releasable: (nations: string) => `Diffusable à : ${nations}`,
    page: 'Page',
    summary: 'Synthèse',
    summaryLine: (n: number, f: number, s: number, p: number, g: number) =>
      `${n} incident(s) enregistré(s), ${f} mort(s), ${s} tronçon(s) touché(s) ; ${p} patrouille(s) achevée(s) ; ${g} tronçon(s) en lacune de couverture.`,
    bySection: 'Incidents par tronçon',
    byType: 'Incidents par type',
    byDay: 'Incidents par jour',
    incidents: 'Incidents de la période',
    noIncidents: 'Aucun incident sur la période.',
    more: (n: number) => `… et ${n} autre(s), non listé(s) ici.`,
    levels: 'Tronçons dont le niveau a changé',
    noLevels: 'Aucun changement de niveau sur la période.',
    patrols: 'Patrouilles effectuées',
    noPatrols: 'Aucune patrouille achevée sur la période.',
    gaps: (d: number) => `Lacunes de couverture (niveau ${THREAT_LEVEL_NAME.medium.fr} ou plus, non patrouillé depuis ${d} j)`,
    noGaps: 'Aucune lacune de couverture.',
    never: 'jamais patrouillé',
    days: 'j',
    map: 'Carte : frontières, tronçons par niveau de menace, incidents de la période',
    section: 'Tronçon',
    count: 'Nombre',
    type: 'Type',
    subType: 'Sous-type',
    date: 'Date',
    day: 'Jour',
    place: 'Lieu',
    dead: 'Morts',
    status: 'Statut',
    statuses: { unverified: 'non vérifié', confirmed: 'confirmé', refuted: 'infirmé' },
    release: 'Diffusion',
    nationalOnly: 'national',
    change: 'Évolution',
    patrol: 'Patrouille',
    completed: 'Achevée le',
    level: 'Niveau',
    lastPatrol: 'Dernière patrouille',
    incident: 'incident',
    overrideBy: 'forcé',
  },
  en: {
    title: 'Situation report',
    colon: ': ',
    period: 'Period',
    generated: 'Prepared on',
    node: 'Node',
    reader: 'View of',
    national: 'NATIONAL — do not release',
    releasable: (nations: string) => `Releasable to: ${nations}`,
    page: 'Page',
    summary: 'Summary',
    summaryLine: (n: number, f: number, s: number, p: number, g: number) =>
      `${n} incident(s) recorded, ${f} death(s), ${s} section(s) affected; ${p} patrol(s) completed; ${g} section(s) with a coverage gap.`,
    bySection: 'Incidents by section',
    byType: 'Incidents by type',
    byDay: 'Incidents by day',
    incidents: 'Incidents of the period',
    noIncidents: 'No incident in the period.',
    more: (n: number) => `… and ${n} more, not listed here.`,
    levels: 'Sections whose level changed',
    noLevels: 'No level change in the period.',
    patrols: 'Patrols completed',
    noPatrols: 'No patrol completed in the period.',
    gaps: (d: number) => `Coverage gaps (${THREAT_LEVEL_NAME.medium.en} or above, not patrolled for ${d} d)`,
    noGaps: 'No coverage gap.',
    never: 'never patrolled',
    days: 'd',
    map: 'Map: borders, sections by threat level, incidents of the period',
    section: 'Section',
    count: 'Count',
    type: 'Type',
    subType: 'Sub-type',
    date: 'Date',
    day: 'Day',
    place: 'Place',
    dead: 'Deaths',
    status: 'Status',
    statuses: { unverified: 'unverified', confirmed: 'confirmed', refuted: 'refuted' },
    release: 'Release',
    nationalOnly: 'national',
    change: 'Change',
    patrol: 'Patrol',
    completed: 'Completed on',
    level: 'Level',
    lastPatrol: 'Last patrol',
    incident: 'incident',
    overrideBy: 'forced',
  },
} as const;

/** The incidents listed in the table; beyond, the count says how many more there are. */
const TABLE_ROWS = 300;

const day = (iso: string) => iso.slice(0, 10);
const levelName = (level: ThreatLevel | null, lang: Lang) => (level === null ? '—' : THREAT_LEVEL_NAME[level][lang]);
const subTypeName = (code: string, lang: Lang) => (lang === 'fr' ? (SUB_EVENT_TYPE_FR[code] ?? code) : code);

/** What the report may be handed to, on every page: its own nation only, or the partners named. */
export function marking(data: Pick<SitrepData, 'releasableTo'>, lang: Lang): string {
  return data.releasableTo.length === 0 ? TEXT[lang].national : TEXT[lang].releasable(data.releasableTo.join(', '));
}

function changeText(c: SitrepData['levelChanges'][number], lang: Lang): string {
  const path = [c.from, ...c.entries.map((e) => e.to)].map((l) => levelName(l, lang)).join(' → ');
  const forced = c.entries.filter((e) => e.source === 'override' && e.reason).map((e) => `${TEXT[lang].overrideBy}${TEXT[lang].colon}${e.reason}`);
  return [path, ...forced].join(lang === 'fr' ? ' ; ' : '; ');
}

function incidentRow(i: Incident, lang: Lang): (string | number)[] {
  const t = TEXT[lang];
  return [
    day(i.occurredAt),
    eventTypeName(i.eventType, lang),
    subTypeName(i.subEventType, lang),
    i.placeName ?? '—',
    i.section ?? '—',
    i.fatalities ?? '—',
    t.statuses[i.status],
    i.releasableTo.length ? `${i.owner} → ${i.releasableTo.join(', ')}` : `${i.owner} · ${t.nationalOnly}`,
  ];
}

const chronological = (incidents: readonly Incident[]) => [...incidents].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));

function summaryLine(data: SitrepData, lang: Lang): string {
  return TEXT[lang].summaryLine(
    data.incidents.length,
    data.fatalities,
    data.bySection.filter(([s]) => s !== '—').length,
    data.patrolsDone.length,
    data.gaps.length,
  );
}

function metaLine(data: SitrepData, lang: Lang): string[] {
  const t = TEXT[lang];
  return [
    `${t.period}${t.colon}${day(data.from)} → ${day(data.to)}`,
    `${t.node}${t.colon}${data.nation}${data.viewer !== data.nation ? ` (${t.reader} ${data.viewer})` : ''}`,
    `${t.generated} ${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
  ];
}

// ——— Markdown ———

export function renderMarkdown(data: SitrepData, lang: Lang): string {
  const t = TEXT[lang];
  const lines: string[] = [];
  lines.push(`**${marking(data, lang)}**`, '', `# ${t.title} — ${data.mechanism}`, '');
  lines.push(...metaLine(data, lang).map((line) => `- ${line}`), '');
  lines.push(`## ${t.summary}`, '', summaryLine(data, lang), '');
  const table = (head: string[], rows: (string | number)[][]) => {
    lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${row.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`);
    lines.push('');
  };
  lines.push(`## ${t.bySection}`, '');
  table([t.section, t.count], data.bySection);
  lines.push(`## ${t.byType}`, '');
  table(
    [t.type, t.count],
    data.byType.map(([type, count]) => [eventTypeName(type, lang), count]),
  );
  lines.push(`## ${t.byDay}`, '');
  table(
    [t.day, t.count],
    data.byDay.filter(([, n]) => n > 0),
  );
  lines.push(`## ${t.incidents}`, '');
  if (data.incidents.length === 0) lines.push(t.noIncidents, '');
  else {
    table(
      [t.date, t.type, t.subType, t.place, t.section, t.dead, t.status, t.release],
      chronological(data.incidents)
        .slice(0, TABLE_ROWS)
        .map((i) => incidentRow(i, lang)),
    );
    if (data.incidents.length > TABLE_ROWS) lines.push(t.more(data.incidents.length - TABLE_ROWS), '');
  }
  lines.push(`## ${t.levels}`, '');
  if (data.levelChanges.length === 0) lines.push(t.noLevels, '');
  else
    table(
      [t.section, t.change],
      data.levelChanges.map((c) => [c.section, changeText(c, lang)]),
    );
  lines.push(`## ${t.patrols}`, '');
  if (data.patrolsDone.length === 0) lines.push(t.noPatrols, '');
  else
    table(
      [t.patrol, t.completed],
      data.patrolsDone.map((p) => [p.name, day(p.completedAt ?? '')]),
    );
  lines.push(`## ${t.gaps(data.coverageDays)}`, '');
  if (data.gaps.length === 0) lines.push(t.noGaps, '');
  else
    table(
      [t.section, t.level, t.lastPatrol],
      data.gaps.map((g) => [
        g.section,
        levelName(g.level, lang),
        g.lastPatrolledAt ? `${day(g.lastPatrolledAt)} (${Math.floor(g.daysSincePatrol ?? 0)} ${t.days})` : t.never,
      ]),
    );
  lines.push(`**${marking(data, lang)}**`);
  return lines.join('\n');
}

// ——— HTML ———

/** Text inside a CSS string: quotes and backslashes escaped, no line breaks. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ')}"`;

export function renderHtml(data: SitrepData, lang: Lang): string {
  const t = TEXT[lang];
  const e = escapeXml;
  const mark = marking(data, lang);
  const table = (head: string[], rows: (string | number)[][], className = '') =>
    `<table${className ? ` class="${className}"` : ''}><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${e(String(c))}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const levelCell = (level: ThreatLevel) => `<span class="lvl" style="background:${THREAT_LEVEL_COLOUR[level]}"></span>${e(THREAT_LEVEL_NAME[level][lang])}`;
  // A heading and what it introduces stay on one page.
  const block = (heading: string, body: string) => `<section class="keep"><h2>${e(heading)}</h2>${body}</section>`;
  const parts: string[] = [];
  parts.push(`<p class="marking" role="note">${e(mark)}</p>`);
  parts.push(`<header><h1>${e(t.title)}</h1><p class="sub">${e(data.mechanism)}</p><p class="meta">${metaLine(data, lang).map(e).join(' · ')}</p></header>`);
  parts.push(
    `<section class="keep"><h2>${e(t.summary)}</h2><p>${e(summaryLine(data, lang))}</p><figure class="map">${mapFigure(data, lang, { incident: t.incident, map: t.map })}<figcaption>${e(t.map)}</figcaption></figure></section>`,
  );
  parts.push(block(t.byDay, `<figure>${dailyBars(data.byDay, t.byDay)}</figure>`));
  parts.push(block(t.bySection, `<figure>${horizontalBars(data.bySection, t.bySection)}</figure>`));
  parts.push(
    block(
      t.byType,
      `<figure>${horizontalBars(
        data.byType.map(([type, n]) => [eventTypeName(type, lang), n]),
        t.byType,
      )}</figure>`,
    ),
  );
  const listed = chronological(data.incidents).slice(0, TABLE_ROWS);
  parts.push(
    `<section><h2>${e(t.incidents)}</h2>${
      data.incidents.length === 0
        ? `<p>${e(t.noIncidents)}</p>`
        : table(
            [t.date, t.type, t.subType, t.place, t.section, t.dead, t.status, t.release],
            listed.map((i) => incidentRow(i, lang)),
            'incidents',
          ) + (data.incidents.length > TABLE_ROWS ? `<p>${e(t.more(data.incidents.length - TABLE_ROWS))}</p>` : '')
    }</section>`,
  );
  parts.push(
    block(
      t.levels,
      data.levelChanges.length === 0
        ? `<p>${e(t.noLevels)}</p>`
        : `<table><thead><tr><th scope="col">${e(t.section)}</th><th scope="col">${e(t.level)}</th><th scope="col">${e(t.change)}</th></tr></thead><tbody>${data.levelChanges
            .map((c) => `<tr><td>${e(c.section)}</td><td>${levelCell(c.to)}</td><td>${e(changeText(c, lang))}</td></tr>`)
            .join('')}</tbody></table>`,
    ),
  );
  parts.push(
    block(
      t.patrols,
      data.patrolsDone.length === 0
        ? `<p>${e(t.noPatrols)}</p>`
        : table(
            [t.patrol, t.completed],
            data.patrolsDone.map((p) => [p.name, day(p.completedAt ?? '')]),
          ),
    ),
  );
  parts.push(
    block(
      t.gaps(data.coverageDays),
      data.gaps.length === 0
        ? `<p>${e(t.noGaps)}</p>`
        : `<table><thead><tr><th scope="col">${e(t.section)}</th><th scope="col">${e(t.level)}</th><th scope="col">${e(t.lastPatrol)}</th></tr></thead><tbody>${data.gaps
            .map(
              (g) =>
                `<tr><td>${e(g.section)}</td><td>${levelCell(g.level)}</td><td>${e(g.lastPatrolledAt ? `${day(g.lastPatrolledAt)} (${Math.floor(g.daysSincePatrol ?? 0)} ${t.days})` : t.never)}</td></tr>`,
            )
            .join('')}</tbody></table>`,
    ),
  );
  parts.push(`<p class="marking" role="note">${e(mark)}</p>`);
  const title = `${t.title} ${day(data.from)} – ${day(data.to)}`;
  // Printed, every page carries the marking above and below, and its number (CSS page margin boxes).
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${e(title)}</title>
<style>
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:12px;color:#222;margin:24px;max-width:720px}
h1{font-size:22px;margin:0}h2{font-size:15px;border-bottom:1px solid #ccc;padding-bottom:2px;margin-top:18px}
.sub{margin:2px 0 8px;color:#555}.meta{color:#444}
.marking{font-weight:bold;text-align:center;border:2px solid #8b0000;color:#8b0000;padding:3px;margin:0 0 10px;letter-spacing:0.04em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eee}table.incidents{font-size:10.5px}table.incidents td{padding:2px 4px}table.incidents td:first-child{white-space:nowrap}
tr{break-inside:avoid}thead{display:table-header-group}
figure{margin:8px 0}figcaption{font-size:11px;color:#555}
.keep{break-inside:avoid}h2{break-after:avoid}
.lvl{display:inline-block;width:10px;height:10px;margin-right:5px;border-radius:2px}
@page{size:A4;margin:18mm 14mm 16mm;
@top-center{content:${cssString(mark)};font:bold 9pt "DejaVu Sans",Arial,sans-serif;color:#8b0000}
@bottom-left{content:${cssString(mark)};font:bold 8pt "DejaVu Sans",Arial,sans-serif;color:#8b0000}
@bottom-right{content:${cssString(`${title} — ${t.page} `)} counter(page) " / " counter(pages);font:8pt "DejaVu Sans",Arial,sans-serif;color:#444}}
@media print{body{margin:0;max-width:none}.marking{display:none}}
</style></head><body>
${parts.join('\n')}
</body></html>
`;
}
