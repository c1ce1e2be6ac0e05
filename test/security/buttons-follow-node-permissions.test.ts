import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/cli/demo-content.js';
import { patrolActionsFor } from '../../src/domain/patrol-actions.js';
import { mayDo, VERBS, type Verb } from '../../src/domain/permissions.js';
import type { Actor, Secondment } from '../../src/domain/user.js';
import type { Role } from '../../src/contracts/vocabularies.js';
import { screenshot } from '../e2e/browser.js';
import { apiCall, logIn } from '../e2e/session.js';
import { startUiSession, type UiSession } from '../e2e/ui-session.js';

// Issue 14: the web UI kept its own role tables, which drifted from the node's — liaison officers
// and administrators saw "Nouvel incident" (refused with 403), administrators "Planifier une
// patrouille" (refused), patrol leaders did not see it (allowed). Every action the UI offers is
// marked with the node's verb (`data-verb`); for each demo user, in every screen, each one shown
// must be one the node's own rule allows that user, and the main ones are shown when it does.

let session: UiSession;

interface Me {
  id: string;
  username: string;
  nation: string;
  role: Role;
  nodeNation: string;
  secondment: Secondment | null;
}

const actorOf = (me: Me): Actor => ({
  userId: me.id,
  username: me.username,
  nation: me.nation,
  role: me.role,
  hostNation: me.nodeNation,
  ...(me.secondment ? { secondment: me.secondment } : {}),
});

/** The verbs of the actions shown in the side panel now. */
async function offeredVerbs(page: Page): Promise<string[]> {
  const marked = page.locator('.side-panel [data-verb]');
  const verbs: string[] = [];
  for (const element of await marked.all()) if (await element.isVisible()) verbs.push((await element.getAttribute('data-verb'))!);
  return verbs;
}

async function openTab(page: Page, name: RegExp): Promise<boolean> {
  const tab = page.getByRole('tab', { name });
  if ((await tab.count()) === 0) return false;
  await tab.click();
  await page.waitForTimeout(700);
  return true;
}

beforeAll(async () => {
  session = await startUiSession();
});
afterAll(async () => session?.stop());

describe('the UI offers exactly what the node allows', () => {
  it.each(DEMO_USERS.map((user) => user.username))('for %s', async (username) => {
    const { page } = session.browser;
    await logIn(page, session.node.origin, username);
    const me = (await apiCall<Me>(page, 'GET', '/api/v1/me')).body;
    const actor = actorOf(me);
    expect(me.nodeNation).toBe('ML');
    if (me.nation !== 'ML') expect(me.secondment?.issuer).toBe(me.nation);
    const seen = new Set<string>();
    const check = async (where: string) => {
      for (const verb of await offeredVerbs(page)) {
        expect(Object.keys(VERBS), `${where}: unknown verb ${verb}`).toContain(verb);
        expect(mayDo(actor, verb as Verb), `${username} is offered ${verb} in ${where}`).toBe(true);
        seen.add(verb);
      }
    };

    await openTab(page, /^Incidents/);
    await page.getByLabel('Seulement la zone visible').uncheck();
    await check('incidents');
    const newIncident = page.getByRole('button', { name: 'Nouvel incident' });
    expect(await newIncident.isVisible(), 'Nouvel incident').toBe(mayDo(actor, 'incident.create'));
    // The node agrees, without writing anything: a point outside the mechanism's area is refused
    // after the role is checked, with 422 for a role that may record and 403 for one that may not.
    const outside = await apiCall(page, 'POST', '/api/v1/incidents', {
      occurredAt: '2026-11-01T00:00:00Z',
      location: { lat: 48.85, lon: 2.35 },
      eventType: 'Battles',
      subEventType: 'Armed clash',
    });
    expect(outside.status).toBe(mayDo(actor, 'incident.create') ? 422 : 403);

    await openTab(page, /^Patrouilles/);
    await check('patrols');
    expect(await page.getByRole('button', { name: 'Planifier une patrouille' }).isVisible(), 'Planifier une patrouille').toBe(mayDo(actor, 'patrol.create'));
    const unknownUnit = await apiCall(page, 'POST', '/api/v1/patrols', {
      name: 'x',
      kind: 'national',
      unitIds: ['no-such-unit'],
      plannedStart: '2026-12-01T06:00:00Z',
      plannedEnd: '2026-12-01T18:00:00Z',
    });
    expect(unknownUnit.status).toBe(mayDo(actor, 'patrol.create') ? 422 : 403);
    // Each move offered on a patrol is one the node's rule accepts for this patrol now.
    type PatrolProperties = {
      id: string;
      owner: string;
      releasableTo: string[];
      status: string;
      nations: string[];
      approvals: { nation: string; userId: string; at: string }[];
      startedAt: string | null;
      completedAt: string | null;
    };
    const patrols = (await apiCall<{ features: { properties: PatrolProperties }[] }>(page, 'GET', '/api/v1/patrols')).body.features.map(
      (feature) => feature.properties,
    );
    expect(patrols.length, 'the demo lists patrols').toBeGreaterThan(0);
    for (const card of await page.locator('[data-patrol-id]').all()) {
      const id = await card.getAttribute('data-patrol-id');
      const patrol = patrols.find((p) => p.id === id)!;
      const allowed = patrolActionsFor(actor, patrol as never, me.nodeNation, new Date().toISOString()).map((action) => `patrol.${action}`);
      for (const button of await card.locator('[data-verb^="patrol."]:not([data-verb="patrol.edit"])').all()) {
        expect(allowed, `${username} on patrol ${patrol.id}`).toContain(await button.getAttribute('data-verb'));
      }
    }

    await openTab(page, /^Couverture/);
    await check('coverage');
    await openTab(page, /^Alertes/);
    await check('alerts');
    expect(await page.getByRole('heading', { name: "Règles d'alerte" }).isVisible()).toBe(mayDo(actor, 'alert.rules'));
    expect(await page.getByRole('heading', { name: /webhooks/ }).isVisible()).toBe(mayDo(actor, 'webhook.manage'));
    const news = await openTab(page, /^Veille/);
    expect(news).toBe(mayDo(actor, 'news.review') || mayDo(actor, 'news.ingest'));
    if (news) await check('news');

    // An incident of the node's nation and a partner's, then the section of the first.
    for (const owner of ['ML', 'SN']) {
      await openTab(page, /^Incidents/);
      const row = page
        .locator('.incident-row')
        .filter({ has: page.getByText(new RegExp(`^${owner} (→|·)`)) })
        .first();
      if ((await row.count()) === 0) continue;
      await row.click();
      await page.getByTestId('incident-details').waitFor();
      await check(`details of an incident of ${owner}`);
      if (owner === 'ML') {
        await page.getByTestId('incident-details').locator('.section-link').click();
        await page.getByTestId('section-details').waitFor();
        await check('section details');
      }
    }
    expect(seen.has('incident.edit')).toBe(mayDo(actor, 'incident.edit') && me.nation === me.nodeNation);
    await screenshot(page, `permissions-${username}`);
  });
});
