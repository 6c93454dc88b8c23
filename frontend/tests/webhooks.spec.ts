import { signIn, editPage } from './admin';
import { expect, test } from './fixtures';
import { deliver } from './webhook-delivery';

async function pageText(path: string): Promise<string> {
  const response = await fetch(new URL(path, process.env.A4B_FRONTEND_URL));
  expect(response.status, path).toBe(200);
  return response.text();
}

test('a bad or stale signature gets 401 and drops nothing; a signed event drops its languages', async () => {
  await pageText('/');
  await pageText('/cs/');
  const event = { event: 'publish', type: 'home', locale: 'pl', translations: [] };

  expect((await deliver(event, { secret: 'not-the-secret' })).status).toBe(401);
  expect((await deliver(event, { age: 301 })).status).toBe(401);
  const dropped = await deliver(event);
  expect(dropped.status).toBe(200);
  expect(dropped.answer.locales).toEqual(['pl']);
  // Polish answers were still there for it to drop: the refused requests had changed nothing.
  expect(dropped.answer.dropped).toBeGreaterThan(0);
  expect((await deliver(event)).answer.dropped).toBe(0);
  // The Czech ones were left alone, until an event touches Czech.
  expect((await deliver({ ...event, locale: 'cs' })).answer.dropped).toBeGreaterThan(0);
  expect((await deliver({ event: 'test' })).answer).toEqual({ dropped: 0, locales: [] });
});

test('an editor publishes a change in the admin and the portal shows it within 2 seconds', async ({ page, api }) => {
  // The last practice: the other journeys read the first ones.
  const list = await api('/api/v2/practices/?locale=pl&limit=100');
  const practice = await api(`/api/v2/practices/${list.results.at(-1).id}/`);
  expect(await pageText(practice.path)).toContain(practice.summary); // now cached by the portal (a minute)
  const changed = `${practice.summary.slice(0, 200)} Zaktualizowano ${Date.now()}.`;

  await signIn(page, 'editor-pl');
  await editPage(page, practice.id);
  await page.locator('#id_summary').fill(changed);
  await page.locator('footer .w-dropdown-button [data-w-dropdown-target="toggle"]').click();
  await page.locator('button[name="action-publish"]').click();
  await expect(page).not.toHaveURL(/\/edit\/$/);
  const published = Date.now();
  expect((await api(`/api/v2/practices/${practice.id}/`)).summary).toBe(changed);

  await expect.poll(() => pageText(practice.path), { timeout: 2_000, intervals: [100] }).toContain(changed);
  expect(Date.now() - published).toBeLessThan(2_000);
});
