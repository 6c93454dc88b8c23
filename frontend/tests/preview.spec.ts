import { signIn, editPage } from './admin';
import { expect, expectAccessible, test } from './fixtures';

test("an editor's unsaved draft shows in the admin's preview panel, rendered by the portal", async ({ page, api }) => {
  const list = await api('/api/v2/practices/?locale=pl&limit=1');
  const practice = await api(`/api/v2/practices/${list.results[0].id}/`);
  const draft = `Szkic streszczenia do podglądu ${Date.now()}`;
  await signIn(page, 'editor-pl');
  await editPage(page, practice.id);

  await page.locator('#id_summary').fill(draft);
  const framed = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/preview');
  await page.locator('[data-side-panel-toggle="preview"]').click();

  // The admin's panel frames its own preview view, which frames the portal's /api/preview.
  const portal = page.frameLocator('#w-preview-iframe').frameLocator('iframe');
  await expect(portal.getByText(draft)).toBeVisible();
  await expect(portal.getByRole('heading', { level: 1 })).toHaveText(practice.title);
  await expect(portal.getByRole('note').first()).toHaveText('Podgląd wersji roboczej: tej wersji strony nie opublikowano.');
  const response = await framed;
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(response.headers()['x-robots-tag']).toContain('noindex');
  expect(response.headers()['content-security-policy']).toBe(`frame-ancestors ${new URL(process.env.A4B_API_URL!).origin}`);

  // Opened on its own, the same preview is the public page's layout, accessible, and still unpublished.
  const alone = await page.context().newPage();
  await alone.goto(response.url());
  await expect(alone.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(alone.getByText(draft)).toBeVisible();
  await expectAccessible(alone);
  const published = await api(`/api/v2/practices/${practice.id}/`);
  expect(published.summary).toBe(practice.summary);
});

test('a forged or missing token gets a 4xx page explaining it in Polish and Czech', async ({ page }) => {
  const forged = await page.goto('/api/preview?content_type=practices.practicepage&locale=cs&token=eyJwYWdlIjoxfQ:forged:sig');
  expect(forged?.status()).toBe(403);
  expect(forged?.headers()['cache-control']).toBe('no-store');
  expect(forged?.headers()['x-robots-tag']).toContain('noindex');
  expect(forged?.headers()['content-security-policy']).toMatch(/^frame-ancestors /);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Náhled není k dispozici');
  await expect(page.locator('section[lang="cs"]')).toContainText('Platnost tohoto odkazu na náhled vypršela nebo je neplatný.');
  await expect(page.locator('section[lang="pl"]')).toContainText('Ten link do podglądu wygasł albo jest nieprawidłowy.');
  await expectAccessible(page);

  const missing = await page.goto('/api/preview');
  expect(missing?.status()).toBe(400);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Podgląd niedostępny');
  await expect(page.locator('section[lang="cs"]')).toContainText('V této adrese chybí token náhledu');
});
