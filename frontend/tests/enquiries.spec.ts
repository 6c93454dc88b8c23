import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';

/** The messages the CMS has sent so far (its file mail backend: one file per message). */
function outbox(): string[] {
  const folder = process.env.A4B_MAIL_DIR!;
  if (!existsSync(folder)) return [];
  return readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'));
}

test('a visitor asks about a practice in Czech; the owner gets it, and no page shows their address', async ({
  page,
  api,
  foreignRequests,
}) => {
  // A Czech practice whose contact is not public (the demo's ITI Olomouc one): its address must stay hidden.
  const practices = (await api('/api/v2/practices/?locale=cs&limit=100')).results;
  const details = await Promise.all(practices.map((item: any) => api(`/api/v2/practices/${item.id}/`)));
  const practice = details.find((item: any) => item.contact === null && item.title.includes('ITI'));
  expect(practice, 'the demo has a Czech practice with a private contact').toBeTruthy();
  const owner = 'iti@example.org';
  const before = outbox().length;

  const practicePage = await page.goto(practice.path);
  expect(practicePage?.status()).toBe(200);
  expect(await page.content()).not.toContain(owner);
  await page.getByRole('link', { name: 'Zeptat se na tuto praxi' }).click();
  await expect(page).toHaveURL(new RegExp(`/cs/dotaz/\\?practice=${practice.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zeptat se na praxi');
  await expect(page.getByText(practice.title, { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Sent at once, with a mistake: the page comes back in Czech, naming the fields, the visitor's text kept.
  await page.getByRole('textbox', { name: 'Jméno a příjmení' }).fill('Jana Nováková');
  await page.getByRole('textbox', { name: 'E-mailová adresa' }).fill('jana@');
  await page.getByRole('textbox', { name: 'Otázka' }).fill('Jak dlouho trvala příprava výběru projektů?');
  await page.getByRole('button', { name: 'Odeslat otázku' }).click();
  await expect(page.getByRole('heading', { name: 'Opravte označená pole' })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Opravte označená pole' });
  await expect(summary.getByRole('link')).toHaveCount(2);
  await expect(page.getByRole('textbox', { name: 'Otázka' })).toHaveValue('Jak dlouho trvala příprava výběru projektů?');
  expect(outbox().length).toBe(before);

  // Corrected, agreed to, and sent after a person's pause (the token's minimum age).
  await page.getByRole('textbox', { name: 'E-mailová adresa' }).fill('jana@example.cz');
  await page.locator('#consent_to_processing').check();
  await page.waitForTimeout(3_200);
  await page.getByRole('button', { name: 'Odeslat otázku' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Otázka odeslána');
  await expect(page.getByRole('main').getByRole('status')).toContainText('nemůže odpovědět přímo');
  await expect(page.getByRole('link', { name: 'Zpět na praxi' })).toHaveAttribute('href', practice.path);
  expect(await page.content()).not.toContain(owner);

  await expect.poll(() => outbox().length).toBe(before + 1);
  const mail = outbox().find((message) => message.includes('Jak dlouho trvala'))!;
  expect(mail).toContain(`To: ${owner}`);
  expect(mail).not.toContain('jana@example.cz');
  expect(mail).not.toMatch(/^Reply-To:/m);
  expect(foreignRequests).toEqual([]);
});

test('the form page of a practice that cannot be asked about is a 404 in the visitor language', async ({ page }) => {
  const response = await page.goto('/zapytanie/?practice=999999');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nie można zapytać o tę praktykę');
  expect((await page.goto('/cs/dotaz/?practice=abc'))?.status()).toBe(404);
});

test("another site's form cannot post a question through the portal", async ({ request, api }) => {
  const practice = (await api('/api/v2/practices/?locale=cs&limit=1')).results[0];
  const response = await request.post(`/cs/dotaz/?practice=${practice.id}`, {
    headers: { Origin: 'https://attacker.example' },
    form: { name: 'X', email: 'x@example.org', message: 'spam', consent_to_processing: 'yes', token: 'forged' },
  });
  expect(response.status()).toBe(403);
});
