import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const dir = mkdtempSync(join(tmpdir(), 'diboli-config-'));
writeFileSync(join(dir, 'diboli.toml'), 'port = 9000\nhost = "0.0.0.0"\nbufferKm = 20\nsectionKm = 10\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration', () => {
  it('takes flags over environment over diboli.toml over defaults', () => {
    const config = loadConfig({ dataDir: dir, port: '7000' }, { DIBOLI_PORT: '7500', DIBOLI_HOST: '127.0.0.2', DIBOLI_BUFFER_KM: '25' });
    expect(config).toMatchObject({ port: 7000, host: '127.0.0.2', bufferKm: 25, sectionKm: 10, tokenTtlHours: 12 });
  });

  it('falls back to defaults without a file', () => {
    const config = loadConfig({ dataDir: join(dir, 'none') }, {});
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', sectionKm: 25, bufferKm: 30 });
  });

  it.each([
    [{ port: '70000' }, /port must be between 0 and 65535/],
    [{ port: '80.5' }, /port must be a whole number/],
    [{ sectionKm: '-1' }, /sectionKm must be between/],
  ])('refuses %o', (flags, message) => {
    expect(() => loadConfig({ dataDir: join(dir, 'none'), ...flags }, {})).toThrow(message);
  });
});
