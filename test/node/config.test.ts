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
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', sectionKm: 25, bufferKm: 30, tileThreads: 0 });
  });

  it('reads the PDF printer and the webhook allow-list from the environment or a list in diboli.toml', () => {
    expect(loadConfig({ dataDir: join(dir, 'none') }, {})).toMatchObject({ chromiumPath: '/usr/bin/chromium', webhookAllowedHosts: [] });
    const fromEnv = loadConfig(
      { dataDir: join(dir, 'none') },
      { DIBOLI_CHROMIUM: '/opt/chromium/chrome', DIBOLI_WEBHOOK_ALLOWED_HOSTS: '10.1.0.0/16, alerts.kayes.internal' },
    );
    expect(fromEnv).toMatchObject({ chromiumPath: '/opt/chromium/chrome', webhookAllowedHosts: ['10.1.0.0/16', 'alerts.kayes.internal'] });
    const listed = mkdtempSync(join(tmpdir(), 'diboli-config-'));
    try {
      writeFileSync(join(listed, 'diboli.toml'), 'webhookAllowedHosts = ["127.0.0.1", "fd00::/8"]\n');
      expect(loadConfig({ dataDir: listed }, {}).webhookAllowedHosts).toEqual(['127.0.0.1', 'fd00::/8']);
    } finally {
      rmSync(listed, { recursive: true, force: true });
    }
  });

  it.each([
    [{ webhookAllowedHosts: '10.0.0.0/33' }, /webhookAllowedHosts: "10.0.0.0\/33" is not an address or a CIDR range/],
    [{ port: '70000' }, /port must be between 0 and 65535/],
    [{ tileThreads: '17' }, /tileThreads must be between 0 and 16/],
    [{ port: '80.5' }, /port must be a whole number/],
    [{ sectionKm: '-1' }, /sectionKm must be between/],
  ])('refuses %o', (flags, message) => {
    expect(() => loadConfig({ dataDir: join(dir, 'none'), ...flags }, {})).toThrow(message);
  });
});
