import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { apiCall, logIn } from './session.js';
import { startUiSession, type UiSession } from './ui-session.js';

// Issue 17, part 3: the operator's screen for radio messages (same reader, same replies as SMS)
// and the phone numbers in the administration screen.

let session: UiSession;

beforeAll(async () => {
  session = await startUiSession();
});
afterAll(async () => session?.stop());

describe('field messages in the main UI', () => {
  it('records a radio message typed for the patrol’s leader and shows the reply', async () => {
    const { page } = session.browser;
    await logIn(page, session.node.origin, 'coord.ml');
    const me = (await apiCall<{ id: string }[]>(page, 'GET', '/api/v1/field/radio/senders')).body as unknown as { id: string; username: string }[];
    const lead = me.find((u) => u.username === 'lead.ml')!;
    const now = Date.now();
    const created = await apiCall<{ id: string; code: string }>(page, 'POST', '/api/v1/patrols', {
      name: 'Patrouille radio',
      kind: 'national',
      unitIds: ['ml-gtia-diboli'],
      plannedStart: new Date(now - 3_600_000).toISOString(),
      plannedEnd: new Date(now + 6 * 3_600_000).toISOString(),
      leaderUserId: lead.id,
    });
    expect(created.status).toBe(201);
    for (const action of ['propose', 'approve', 'start'])
      expect((await apiCall(page, 'POST', `/api/v1/patrols/${created.body.id}/${action}`, {})).status).toBe(200);

    await page.getByRole('tab', { name: 'Radio' }).click();
    await page.getByTestId('radio-sender').selectOption(lead.id);
    await page.getByTestId('radio-text').fill(`POS ${created.body.code} 1427.3N 01212.0W`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const reply = page.getByTestId('radio-reply').first();
    await reply.waitFor();
    expect(await reply.textContent()).toMatch(
      new RegExp(`^Position ${created.body.code} enregistrée : 14\\.45500 -12\\.20000 à \\d\\d:\\d\\d\\. Réf\\. [0-9A-F]{6}$`),
    );
    const track = await apiCall(page, 'GET', `/api/v1/patrols/${created.body.id}/track`);
    expect(JSON.stringify(track.body)).toContain('[-12.2,14.455]');

    await page.getByTestId('radio-text').fill('OBS ML-999 CONT P2');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Refusé : Aucune patrouille ML-999 sur ce nœud.').waitFor();
    await screenshot(page, 'radio-panel');
  });

  it('binds a phone number to a user in the administration screen', async () => {
    const { page } = session.browser;
    await logIn(page, session.node.origin, 'admin.ml');
    await page.getByRole('tab', { name: 'Administration' }).click();
    const phone = page.getByRole('textbox', { name: 'Téléphone de lead.ml' });
    await phone.fill('+223 76 00 00 01');
    await phone.locator('xpath=ancestor::tr').getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Enregistré.').waitFor();
    expect(await phone.inputValue()).toBe('+22376000001');
    const users = await apiCall<{ username: string; phone: string | null }[]>(page, 'GET', '/api/v1/users');
    expect(users.body.find((u) => u.username === 'lead.ml')?.phone).toBe('+22376000001');
    await screenshot(page, 'phones-panel');
  });
});
