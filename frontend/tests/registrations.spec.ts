import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { signIn } from './admin';
import { expect, expectAccessible, test } from './fixtures';

/** The messages the CMS has sent so far (its file mail backend: one file per message). */
function outbox(): string[] {
  const folder = process.env.A4B_MAIL_DIR!;
  if (!existsSync(folder)) return [];
  return readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'));
}

function mailTo(address: string, containing: string): string | undefined {
  return outbox().find((message) => message.includes(`To: ${address}`) && message.includes(containing));
}

/** Fills the demo study visit's form (it asks institution, position, language of the visit, needs). */
async function fillForm(page: Page, labels: Record<string, string>, values: Record<string, string>) {
  await page.getByRole('textbox', { name: labels.name }).fill(values.name);
  await page.getByRole('textbox', { name: labels.email }).fill(values.email);
  await page.getByRole('combobox', { name: labels.country }).selectOption(values.country);
  await page.getByRole('combobox', { name: labels.kind }).selectOption('public_administration');
  await page.getByRole('textbox', { name: labels.institution, exact: true }).fill(values.institution);
  await page.getByRole('combobox', { name: labels.visitLanguage }).selectOption('both');
  await page.locator('#consent_to_processing').check();
  // A person's pause: the form's token must be a few seconds old.
  await page.waitForTimeout(3_200);
}

const POLISH = { name: 'Imię i nazwisko', email: 'Adres e-mail', country: 'Kraj', kind: 'Rodzaj instytucji', institution: 'Instytucja', visitLanguage: 'Język wizyty' };
const CZECH = { name: 'Jméno a příjmení', email: 'E-mailová adresa', country: 'Země', kind: 'Druh instituce', institution: 'Instituce', visitLanguage: 'Jazyk návštěvy' };

test('visitors register in Polish and Czech, the event fills, a cancellation moves the waiting person up; the organiser exports the list', async ({
  page,
  api,
  foreignRequests,
}) => {
  test.setTimeout(120_000);
  // The demo's study visit takes registrations on the portal, two places for both languages together.
  const events = (await api('/api/v2/events/?locale=pl&limit=100')).results;
  const details = await Promise.all(events.map((item: any) => api(`/api/v2/events/${item.id}/`)));
  const event = details.find((item: any) => item.registration !== null);
  expect(event, 'the demo has an event with registration on the portal').toBeTruthy();
  expect(event.registration.capacity).toBe(2);
  const czech = event.translations.find((link: any) => link.locale === 'cs');

  // The calendar's card links to the form too.
  await page.goto('/wydarzenia/');
  await expect(page.locator(`a[href="/rejestracja/?event=${event.id}"]`)).toHaveCount(1);

  // In Polish: from the event page to the form, which shows the places left, then the confirmation.
  await page.goto(event.path);
  await page.getByRole('link', { name: 'Zarejestruj się' }).click();
  await expect(page).toHaveURL(new RegExp(`/rejestracja/\\?event=${event.id}$`));
  await expect(page.getByText('Wolne miejsca: 2.')).toBeVisible();
  // The language switch leads to the Czech page's form of the same event.
  const switcher = page.getByRole('navigation', { name: 'Wersja językowa' }).getByRole('link');
  await expect(switcher).toHaveAttribute('href', `/cs/registrace/?event=${czech.id}`);
  await expectAccessible(page);
  // Sent with a mistake first: the page names the field, in Polish, and keeps the answers.
  await page.getByRole('textbox', { name: POLISH.name }).fill('Anna Kowalska');
  await page.getByRole('button', { name: 'Zarejestruj się' }).click();
  await expect(page.getByRole('heading', { name: 'Popraw zaznaczone pola' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: POLISH.name })).toHaveValue('Anna Kowalska');
  await fillForm(page, POLISH, { name: 'Anna Kowalska', email: 'anna.e2e@example.pl', country: 'PL', institution: 'Urząd Miasta Opola' });
  await page.getByRole('button', { name: 'Zarejestruj się' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zgłoszenie przyjęte');
  await expect(page.locator('[data-status="confirmed"]')).toBeVisible();

  // In Czech, on the Czech translation of the same event: the last place.
  await page.goto(czech.path);
  await page.getByRole('link', { name: 'Zaregistrovat se' }).click();
  await expect(page).toHaveURL(new RegExp(`/cs/registrace/\\?event=${czech.id}$`));
  await expect(page.getByText('Volná místa: 1.')).toBeVisible();
  await fillForm(page, CZECH, { name: 'Jana Nováková', email: 'jana.e2e@example.cz', country: 'CZ', institution: 'Magistrát města Olomouce' });
  await page.getByRole('button', { name: 'Zaregistrovat se' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registrace přijata');

  // Full: the next person is told before sending, and lands on the waiting list.
  await page.goto(`/rejestracja/?event=${event.id}`);
  await expect(page.getByText('Brak wolnych miejsc')).toBeVisible();
  await fillForm(page, POLISH, { name: 'Piotr Nowak', email: 'piotr.e2e@example.pl', country: 'PL', institution: 'Starostwo' });
  await page.getByRole('button', { name: 'Zarejestruj się' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jesteś na liście rezerwowej');
  await expect(page.locator('[data-status="waiting"]')).toBeVisible();

  // Anna cancels by her mailed link: opening it changes nothing, the button does; Piotr moves up and is told.
  await expect.poll(() => mailTo('anna.e2e@example.pl', '/rejestracja/anuluj/')).toBeTruthy();
  const link = /(http\S+\/rejestracja\/anuluj\/\?token=\S+)/.exec(mailTo('anna.e2e@example.pl', '/rejestracja/anuluj/')!)![1];
  expect(mailTo('anna.e2e@example.pl', 'BEGIN:VCALENDAR') ?? mailTo('anna.e2e@example.pl', 'text/calendar')).toBeTruthy();
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anulowanie zgłoszenia');
  expect((await api(`/api/v2/registrations/terms/?event=${event.id}`)).places_left).toBe(0);
  expect(mailTo('piotr.e2e@example.pl', 'zwolniło się miejsce')).toBeUndefined();
  await page.getByRole('button', { name: 'Anuluj zgłoszenie' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zgłoszenie anulowane');
  await expect.poll(() => mailTo('piotr.e2e@example.pl', 'zwolniło się miejsce')).toBeTruthy();
  expect((await api(`/api/v2/registrations/terms/?event=${event.id}`)).places_left).toBe(0);
  expect(foreignRequests).toEqual([]);

  // The organiser (the Polish editor) exports the list from the admin: both languages, Anna cancelled.
  await signIn(page, 'editor-pl');
  // Reached from the event's page in the admin: its header's Registrations button.
  await page.goto(`${process.env.A4B_API_URL}/admin/pages/${event.id}/edit/`);
  await page.getByRole('navigation', { name: 'Akcje' }).getByRole('button', { name: 'Akcje' }).click();
  await page.locator(`a[href="/admin/registrations/event/${event.id}/"]`).click();
  await expect(page).toHaveURL(`${process.env.A4B_API_URL}/admin/registrations/event/${event.id}/`);
  await expect(page.getByText('jana.e2e@example.cz')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Eksport CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  const rows = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(rows).toHaveLength(4);
  expect(rows[0]).toContain('imię i nazwisko');
  expect(rows.find((row) => row.includes('anna.e2e@example.pl'))).toContain('Anulowane');
  expect(rows.find((row) => row.includes('piotr.e2e@example.pl'))).toContain('Potwierdzone');
  expect(rows.find((row) => row.includes('jana.e2e@example.cz'))).toContain('Potwierdzone');
});

test('a form or cancellation link that leads nowhere is a 404 in the visitor language', async ({ page }) => {
  const response = await page.goto('/rejestracja/?event=999999');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nie można się zarejestrować');
  expect((await page.goto('/cs/registrace/?event=abc'))?.status()).toBe(404);
  const forged = await page.goto('/cs/registrace/zrusit/?token=1-forgedtoken:abc');
  expect(forged?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Odkaz není platný');
});
