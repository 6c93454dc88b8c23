import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signIn } from './admin';
import { expect, expectAccessible, test } from './fixtures';

/** The messages the CMS has sent so far (its file mail backend: one file per message). */
function outbox(): string[] {
  const folder = process.env.A4B_MAIL_DIR!;
  if (!existsSync(folder)) return [];
  return readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'));
}

test('a visitor proposes a practice in Czech; the editor makes a draft of it, and nothing of it is public', async ({
  page,
  api,
  foreignRequests,
}) => {
  const title = `Sdílená kola ${Date.now()}`;
  const proposer = 'navrhovatel@example.cz';

  // The practice list invites proposals.
  const practices = (await api('/api/v2/practices/?locale=cs&limit=1')).results[0];
  const listPath = practices.path.replace(/[^/]+\/$/, '');
  await page.goto(listPath);
  await page.getByRole('link', { name: 'Navrhnout dobrou praxi' }).click();
  await expect(page).toHaveURL(/\/cs\/navrhnout-praxi\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Navrhnout dobrou praxi');
  await expectAccessible(page);

  // Sent without consent and with a mistyped address: the page comes back in Czech, naming the fields, the text kept.
  await expect(page.getByRole('textbox', { name: 'Název praxe' })).toHaveAttribute('maxlength', '100');
  await page.getByRole('textbox', { name: 'Název praxe' }).fill(title);
  await page.getByRole('textbox', { name: 'Shrnutí' }).fill('Síť sdílených kol propojená s jízdenkou MHD.');
  await page.getByRole('textbox', { name: 'Výzva' }).fill('Krátké cesty autem v centru.');
  await page.getByRole('textbox', { name: 'Co se udělalo' }).fill('Sto kol na dvaceti stanicích.');
  await page.getByRole('textbox', { name: 'Doklady úspěchu (výsledky)' }).fill('30 000 výpůjček ročně.');
  await page.getByRole('textbox', { name: 'Přenositelnost' }).fill('Opole má podobnou síť.');
  await page.getByRole('textbox', { name: 'Obec (místo)' }).fill('Olomouc');
  // The institution: one of the Czech partners from a list (the API's), or another one typed in.
  const partner = (await api('/api/v2/partners/?locale=cs&limit=100')).results.at(-1);
  const institution = page.getByRole('combobox', { name: 'Realizující instituce' });
  await expect(institution.locator('option').first()).toHaveText('Jiná instituce (napište její název níže)');
  await institution.selectOption(String(partner.id));
  await expect(page.getByRole('textbox', { name: 'Jiná instituce' })).toHaveValue('');
  await page.getByRole('textbox', { name: 'Jméno a příjmení' }).fill('Jana Nováková');
  await page.getByRole('textbox', { name: 'E-mailová adresa' }).fill('jana@');
  await page.getByRole('button', { name: 'Odeslat návrh' }).click();
  await expect(page.getByRole('heading', { name: 'Opravte označená pole' })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Opravte označená pole' });
  await expect(summary.getByRole('link')).toHaveCount(2);
  await expect(summary.getByRole('link', { name: /souhlas/ })).toHaveAttribute('href', '#consent_to_processing');
  await expect(page.getByRole('textbox', { name: 'Název praxe' })).toHaveValue(title);
  await expect(page.getByRole('textbox', { name: 'Obec (místo)' })).toHaveValue('Olomouc');
  await expect(institution).toHaveValue(String(partner.id));
  await expectAccessible(page);

  // Corrected, agreed to, and sent after a person's pause (the token's minimum age).
  await page.getByRole('textbox', { name: 'E-mailová adresa' }).fill(proposer);
  await page.locator('#consent_to_processing').check();
  await page.waitForTimeout(3_200);
  await page.getByRole('button', { name: 'Odeslat návrh' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Návrh odeslán');
  await expect(page.getByRole('main').getByRole('status')).toContainText('Děkujeme');
  await expect.poll(() => outbox().filter((message) => message.includes(title)).length).toBeGreaterThanOrEqual(1);
  expect(outbox().find((message) => message.includes(`To: ${proposer}`) && message.includes('Subject:'))).toBeTruthy();
  expect(foreignRequests).toEqual([]);

  // The Czech editor finds it in the admin and makes a draft practice of it.
  await signIn(page, 'editor-cs');
  await page.goto(`${process.env.A4B_API_URL}/admin/proposals/`);
  await page.getByRole('link', { name: title }).first().click();
  // The chosen partner arrived with the proposal.
  await expect(page.getByRole('main')).toContainText(partner.title);
  await page.locator('form[action*="/create-draft/"] button').click();
  await expect(page).toHaveURL(/\/admin\/pages\/\d+\/edit\/$/);
  await expect(page.locator('#id_title')).toHaveValue(title);
  const draftId = Number(/\/pages\/(\d+)\//.exec(page.url())![1]);

  // Neither the API nor the portal shows the draft.
  const listed = await api(`/api/v2/practices/?locale=cs&limit=100`);
  expect(listed.results.map((item: any) => item.title)).not.toContain(title);
  const detail = await page.request.get(`${process.env.A4B_API_URL}/api/v2/practices/${draftId}/`);
  expect(detail.status()).toBe(404);
  await page.goto(listPath);
  expect(await page.content()).not.toContain(title);
});

test('another site cannot post a proposal through the portal', async ({ request }) => {
  const response = await request.post('/cs/navrhnout-praxi/', {
    headers: { Origin: 'https://attacker.example' },
    form: { title: 'X', consent_to_processing: 'yes', token: 'forged' },
  });
  expect(response.status()).toBe(403);
});
