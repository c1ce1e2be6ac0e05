import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/cli/demo-content.js';
import { addUser } from '../../src/services/auth-service.js';
import { diboli } from '../support/cli-in-process.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode();
});
afterAll(async () => demo.close());

const add = (username: string, password: string) =>
  addUser(demo.node, { username, nation: 'ML', role: 'analyst', password, displayName: 'Fatoumata Coulibaly' });

describe('the password policy', () => {
  it.each([
    ['eight digits', '12345678', 'ERR_PASSWORD_TOO_SHORT'],
    ['"password"', 'password', 'ERR_PASSWORD_TOO_SHORT'],
    ['eight spaces', '        ', 'ERR_PASSWORD_TOO_SHORT'],
    ['eleven characters', 'x7#Kq!m2Lp9', 'ERR_PASSWORD_TOO_SHORT'],
    ['the username itself', 'fatou.coulibaly', 'ERR_PASSWORD_HAS_USERNAME'],
    ['the username with a year and signs', 'Fatou.Coulibaly2025!', 'ERR_PASSWORD_HAS_USERNAME'],
    ['the username backwards', 'ylabiluoc.uotaf', 'ERR_PASSWORD_HAS_USERNAME'],
    ['a common password made long', 'password1234', 'ERR_PASSWORD_WEAK'],
    ['twelve spaces', '            ', 'ERR_PASSWORD_WEAK'],
    ['a keyboard row', 'azertyuiop123', 'ERR_PASSWORD_WEAK'],
    ['a French word and digits', 'motdepasse123', 'ERR_PASSWORD_WEAK'],
    ['a repeated pattern', 'abcabcabcabc', 'ERR_PASSWORD_WEAK'],
    ['the display name and a date', 'Coulibaly1990', 'ERR_PASSWORD_WEAK'],
  ])('refuses %s', async (_what, password, code) => {
    await expect(add('fatou.coulibaly', password)).rejects.toMatchObject({ code, field: 'password' });
    expect(await demo.node.repos.users.findByUsername('fatou.coulibaly')).toBeUndefined();
  });

  it('accepts a passphrase of unrelated words, and the demo password', async () => {
    await expect(add('fatou.coulibaly', 'pirogue tamarin boussole')).resolves.toMatchObject({ username: 'fatou.coulibaly' });
    expect([...DEMO_PASSWORD].length).toBeGreaterThanOrEqual(12);
    for (const user of DEMO_USERS) await expect(add(`${user.username}.bis`, DEMO_PASSWORD)).resolves.toBeDefined();
  });

  it('applies to `diboli user add` and `diboli user password`, with a message and exit code 1', async () => {
    const weak = await diboli(['user', 'add', '--data', demo.dir, '--username', 'sidi.keita', '--nation', 'ML', '--role', 'observer'], 'Sidi.Keita-2025!\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/must not be made from the username/);
    const added = await diboli(
      ['user', 'add', '--data', demo.dir, '--username', 'sidi.keita', '--nation', 'ML', '--role', 'observer'],
      'baobab lanterne cuivre\n',
    );
    expect(added.code).toBe(0);

    const short = await diboli(['user', 'password', '--data', demo.dir, '--username', 'sidi.keita'], '12345678\n');
    expect(short).toMatchObject({ code: 1, stderr: expect.stringMatching(/at least 12 characters/) });
    const common = await diboli(['user', 'password', '--data', demo.dir, '--username', 'sidi.keita'], 'azertyuiop123\n');
    expect(common).toMatchObject({ code: 1, stderr: expect.stringMatching(/too easy to guess/) });
    const changed = await diboli(['user', 'password', '--data', demo.dir, '--username', 'sidi.keita'], 'mangue horizon cartable\n');
    expect(changed.code).toBe(0);
    const login = await demo.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'sidi.keita', password: 'mangue horizon cartable' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('answers in the caller’s language', async () => {
    const { checkPassword } = await import('../../src/domain/password-policy.js');
    try {
      checkPassword('court', { username: 'x.y' }, () => 4);
      expect.unreachable();
    } catch (error) {
      expect((error as { messageIn(lang: string): string }).messageIn('fr')).toBe('Mot de passe trop court : au moins 12 caractères.');
    }
  });
});
