import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Issue 14: a situation report mixing national and released records carried no marking, so a
// coordinator could hand the national copy to the partner. Every page now says who may receive
// it — « NATIONAL — ne pas diffuser », or « Diffusable à : SN » naming exactly the nations that
// may read everything in it and everything its figures rest on — and the node's officers can
// print the version a partner may receive.

let demo: DemoNode;
const PERIOD = 'from=2026-08-01&to=2026-11-30';

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2026-11-29T12:00:00.000Z') });
});
afterAll(async () => demo.close());

const report = async (as: string, query: string) => demo.call('GET', `/api/v1/sitrep?${PERIOD}&${query}`, { as });

describe('the situation report’s marking', () => {
  it('marks the node’s own full picture national, on every printed page', async () => {
    const html = (await report('coord.ml', 'format=html&lang=fr')).body as string;
    expect(html).toContain('<p class="marking" role="note">NATIONAL — ne pas diffuser</p>');
    expect(html).toMatch(/@top-center\{content:"NATIONAL — ne pas diffuser"/);
    expect(html).toMatch(/@bottom-left\{content:"NATIONAL — ne pas diffuser"/);
    const md = (await report('coord.ml', 'format=md&lang=en')).body as string;
    expect(md.startsWith('**NATIONAL — do not release**')).toBe(true);
  });

  it('prints the version a partner may receive, marked with exactly that partner, without national records', async () => {
    const full = (await report('coord.ml', 'format=md&lang=fr')).body as string;
    const forSenegal = await report('coord.ml', 'format=md&lang=fr&for=SN');
    expect(forSenegal.status).toBe(200);
    const text = forSenegal.body as string;
    expect(text.startsWith('**Diffusable à : SN**')).toBe(true);
    expect(text.trimEnd().endsWith('**Diffusable à : SN**')).toBe(true);
    expect(full).toContain('ML · national');
    expect(text).not.toContain('ML · national');
    // It is what Senegal's own officer reads here, the marking aside.
    const senegal = (await report('liaison.sn', 'format=md&lang=fr')).body as string;
    const body = (md: string) => md.split('\n').filter((line) => !line.startsWith('**') && !line.includes('Établi le') && !line.includes('Nœud'));
    expect(body(text)).toEqual(body(senegal));
  });

  it('lets a partner’s officer hand its report back to the host, and print no other nation’s view', async () => {
    const own = (await report('liaison.sn', 'format=md&lang=fr')).body as string;
    expect(own.startsWith('**Diffusable à : ML**')).toBe(true);
    const other = await report('liaison.sn', 'format=md&lang=fr&for=ML');
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('ERR_REPORT_AUDIENCE');
    expect((await report('coord.ml', 'format=md&for=GN')).status).toBe(403);
  });
});

describe('the situation report’s contents', () => {
  it('lists the incidents with French type names, and spells "Period" per language', async () => {
    const fr = (await report('coord.ml', 'format=md&lang=fr')).body as string;
    expect(fr).toContain('## Incidents de la période');
    expect(fr).toMatch(/\| 2026-11-10 \| Activité frontalière \| Orpaillage illégal \| Moussala \| ML-SN-07 \|/);
    expect(fr).toContain('- Période\u00a0: 2026-08-01 → 2026-11-30');
    const en = (await report('coord.ml', 'format=md&lang=en')).body as string;
    expect(en).toContain('- Period: 2026-08-01 → 2026-11-30');
    expect(en).toMatch(/\| 2026-11-10 \| Border activity \| Illegal gold mining \|/);
    const html = (await report('coord.ml', 'format=html&lang=fr')).body as string;
    // Bars by type are named in French too, and each chart stays with its heading.
    expect(html).toContain('>Activité frontalière</text>');
    expect(html).not.toContain('>Border activity</text>');
    expect(html).toMatch(/<section class="keep"><h2>Incidents par jour<\/h2><figure>/);
    // The map, with its scale, comes first, beside the summary.
    expect(html.indexOf('class="scale-bar"')).toBeGreaterThan(0);
    expect(html.indexOf('class="map"')).toBeLessThan(html.indexOf('Incidents par jour'));
  });

  it('prints a tagged PDF whose every page carries the marking and its number', async () => {
    const answer = await demo.app.inject({
      method: 'GET',
      url: `/api/v1/sitrep?${PERIOD}&format=pdf&lang=fr`,
      headers: { authorization: `Bearer ${await demo.token('coord.ml')}` },
    });
    expect(answer.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'diboli-sitrep-'));
    try {
      const file = join(dir, 'report.pdf');
      writeFileSync(file, answer.rawPayload);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Tagged:\s+yes/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThan(1);
      for (let page = 1; page <= pages; page++) {
        const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
        expect(text.match(/NATIONAL — ne pas diffuser/g)?.length, `page ${page}`).toBe(2);
        expect(text).toContain(`Page ${page} / ${pages}`);
      }
      const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
      expect(first).toContain('Synthèse');
      expect(first).toMatch(/\d+ km/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
