import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { RIVER_COLOUR } from '../../src/map/basemap-style.js';
import { EVENT_TYPE_COLOURS } from '../../src/domain/event-type-colours.js';
import { eventTypeName } from '../../src/domain/event-type-names.js';
import { auth, demoNode, type TestNode } from './node-helpers.js';

let t: TestNode;
let coord: string;

beforeAll(async () => {
  t = await demoNode();
  coord = await t.login('coord.ml');
});
afterAll(() => t.close());

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), readStdin: async () => '' }, out, err };
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('situation report over the API', () => {
  it('writes Markdown in French and English with the period’s incidents by section and type', async () => {
    const fr = await t.app.inject({ method: 'GET', url: '/api/v1/sitrep?from=2026-08-01&to=2026-11-30&format=md&lang=fr', headers: auth(coord) });
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toContain('text/markdown');
    expect(fr.body).toContain('# Rapport de situation');
    expect(fr.body).toContain('## Incidents par tronçon');
    // Demo incidents of that period, Mali's view: national ones included (Mali owns them).
    expect(fr.body).toContain('| Violence contre des civils |');
    expect(fr.body).not.toContain('Violence against civilians');
    expect(fr.body).toMatch(/\d+ incident\(s\) enregistré\(s\)/);
    const en = await t.app.inject({ method: 'GET', url: '/api/v1/sitrep?from=2026-08-01&to=2026-11-30&format=md&lang=en', headers: auth(coord) });
    expect(en.body).toContain('# Situation report');
    expect(en.body).toContain('## Patrols completed');
    expect(en.body).toContain('| Violence against civilians |');
  });

  it('shows a partner only what was released to it', async () => {
    const sn = await t.login('liaison.sn');
    const ml = (await t.app.inject({ method: 'GET', url: '/api/v1/sitrep?from=2026-08-01&to=2026-11-30&format=md', headers: auth(coord) })).body;
    const partner = (await t.app.inject({ method: 'GET', url: '/api/v1/sitrep?from=2026-08-01&to=2026-11-30&format=md', headers: auth(sn) })).body;
    const count = (text: string) => Number(/(\d+) incident\(s\)/.exec(text)?.[1]);
    expect(count(partner)).toBeLessThan(count(ml));
  });

  it('writes self-contained HTML with inline SVG charts and map', async () => {
    const html = await t.app.inject({ method: 'GET', url: '/api/v1/sitrep?from=2026-08-01&to=2026-11-30&format=html', headers: auth(coord) });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<html lang="fr">');
    expect((html.body.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(html.body).not.toMatch(/(src|href)="https?:/);
  });

  it('draws the map on the web map’s basemap: rivers, place names and a scale bar', async () => {
    const html = await t.app.inject({ method: 'GET', url: '/api/v1/sitrep?from=2026-08-01&to=2026-11-30&format=html', headers: auth(coord) });
    const map = /<figure class="map">([\s\S]*?)<\/figure>/.exec(html.body)?.[1] ?? '';
    expect(map).toContain(`stroke="${RIVER_COLOUR}"`);
    const labels = [...map.matchAll(/<text [^>]*fill="#2d2a5a"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(expect.arrayContaining(['Kayes']));
    expect(labels.length).toBeGreaterThan(5);
    expect(map).toMatch(/class="scale-bar"[\s\S]*\d+ km/);
  });

  it('draws each incident in its type’s colour, the types named in the legend', async () => {
    const html = await t.app.inject({ method: 'GET', url: '/api/v1/sitrep?from=2026-08-01&to=2026-11-30&format=html', headers: auth(coord) });
    const map = /<figure class="map">([\s\S]*?)<\/figure>/.exec(html.body)?.[1] ?? '';
    const symbols = [...map.matchAll(/<circle [^>]*fill="(#[0-9a-f]{6})"[^>]*><title>[^ ]+ ([^<]+)<\/title>/g)];
    expect(symbols.length).toBeGreaterThan(0);
    for (const [, colour, title] of symbols) {
      const type = Object.keys(EVENT_TYPE_COLOURS).find((code) => title!.startsWith(eventTypeName(code, 'fr')));
      expect(type, title).toBeDefined();
      expect(colour).toBe(EVENT_TYPE_COLOURS[type!]);
      expect(map).toContain(`<text x="`);
      expect(map).toMatch(
        new RegExp(`fill="${colour}" stroke="#fff" stroke-width="1"/><text [^>]*>${eventTypeName(type!, 'fr').replace(/[/()]/g, '.')}</text>`),
      );
    }
  });

  it('refuses an inverted period, an unknown format and a bad date', async () => {
    const inverted = await t.app.inject({ method: 'GET', url: '/api/v1/sitrep?from=2026-11-30&to=2026-08-01', headers: auth(coord) });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json()).toMatchObject({ code: 'ERR_BAD_TIME_RANGE', field: 'from' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sitrep?from=2026-08-01&to=2026-11-30&format=docx', headers: auth(coord) })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sitrep?from=yesterday&to=2026-11-30', headers: auth(coord) })).statusCode).toBe(400);
  });
});

describe('diboli sitrep', () => {
  it('writes md, html and a PDF whose text can be read back', async () => {
    // The CLI opens the folder itself: let the test node's handle go first.
    await t.app.close();
    for (const format of ['md', 'html', 'pdf'] as const) {
      const out = join(t.dir, `sitrep.${format}`);
      const { io, err } = capture();
      const code = await main(['sitrep', '--data', t.dir, '--from', '2026-08-01', '--to', '2026-11-30', '--lang', 'fr', '--format', format, '--out', out], io);
      expect(code, err.join('')).toBe(0);
      expect(existsSync(out)).toBe(true);
      const bytes = readFileSync(out);
      if (format === 'pdf') {
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(bytes.length).toBeGreaterThan(5_000);
        if (hasPdftotext()) {
          const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
          expect(text).toContain('Rapport de situation');
        } else {
          // No text extractor here: the PDF is printed from this HTML, whose text is checked instead.
          expect(readFileSync(join(t.dir, 'sitrep.html'), 'utf8')).toContain('Rapport de situation');
          expect(bytes.toString('latin1')).toMatch(/\/Type\s*\/Font/);
        }
      } else {
        expect(bytes.toString('utf8')).toContain('Rapport de situation');
      }
    }
  });

  it('writes the version a partner may receive, with --for', async () => {
    const own = join(t.dir, 'own.md');
    const forSenegal = join(t.dir, 'for-sn.md');
    expect(await main(['sitrep', '--data', t.dir, '--from', '2026-08-01', '--to', '2026-11-30', '--format', 'md', '--out', own], capture().io)).toBe(0);
    const run = capture();
    expect(
      await main(['sitrep', '--data', t.dir, '--from', '2026-08-01', '--to', '2026-11-30', '--format', 'md', '--for', 'SN', '--out', forSenegal], run.io),
      run.err.join(''),
    ).toBe(0);
    const count = (file: string) => Number(/(\d+) incident\(s\)/.exec(readFileSync(file, 'utf8'))?.[1]);
    expect(count(forSenegal)).toBeLessThan(count(own));
    expect(readFileSync(forSenegal, 'utf8')).toContain('Diffusable à : SN');
    expect(readFileSync(own, 'utf8')).toContain('NATIONAL — ne pas diffuser');
    const badNation = capture();
    expect(
      await main(['sitrep', '--data', t.dir, '--from', '2026-08-01', '--to', '2026-11-30', '--for', 'senegal', '--out', join(t.dir, 'x.md')], badNation.io),
    ).toBe(2);
  });

  it('exits non-zero on an inverted period or a missing option', async () => {
    const inverted = capture();
    expect(await main(['sitrep', '--data', t.dir, '--from', '2026-11-30', '--to', '2026-08-01', '--out', join(t.dir, 'x.md')], inverted.io)).toBe(1);
    expect(inverted.err.join('')).toMatch(/inverted/);
    const missing = capture();
    expect(await main(['sitrep', '--data', t.dir, '--from', '2026-08-01', '--to', '2026-11-30'], missing.io)).toBe(2);
    const badLang = capture();
    expect(
      await main(['sitrep', '--data', t.dir, '--from', '2026-08-01', '--to', '2026-11-30', '--lang', 'de', '--out', join(t.dir, 'x.md')], badLang.io),
    ).toBe(2);
  });
});
