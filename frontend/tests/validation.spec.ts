import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './fixtures';

// The "validated by …" mark: the demo's practices that went through the good practice check (prepare_demo runs it
// as people would: demo/validations.py) show the experts, their countries and opinions, in both languages, and the
// practice list offers "validated only", kept by the language switch.

const indexOf = (path: string) => path.replace(/[^/]+\/$/, '');
const cardTitles = (page: Page) => page.locator('#results article.card h3').allInnerTexts();

const MARK = {
  pl: { heading: 'Zweryfikowana przez ekspertów z Polski i Czech', by: 'Zweryfikowali: Marek Polak (Polska), Eva Černá (Czechy)' },
  cs: { heading: 'Ověřeno odborníky z Polska a Česka', by: 'Ověřili: Marek Polak (Polsko), Eva Černá (Česko)' },
} as const;

/** A phrase of the Polish expert's opinion and of the Czech one's (demo/content/validations.yaml). */
const OPINION_WORDS = { PL: /Dobrze udokumentowane|Przykład łatwy do przeniesienia/, CZ: /Praxe je dobře přenositelná|Výsledky jsou doloženy/ };

test('a validated practice shows the experts, their countries and opinions, in Polish and on its Czech translation', async ({
  page,
  api,
  foreignRequests,
}) => {
  const validated = await api('/api/v2/practices/?locale=pl&validated=true&limit=100');
  expect(validated.count, 'the demo validates two practices').toBe(2);
  const practice = await api(`/api/v2/practices/${validated.results[0].id}/`);
  const czech = await api(`/api/v2/practices/${practice.translations.find((link: any) => link.locale === 'cs').id}/`);
  expect(czech.validation.status).toBe('validated');

  for (const [locale, detail] of [['pl', practice], ['cs', czech]] as const) {
    await page.goto(detail.path);
    const mark = page.getByRole('region', { name: MARK[locale].heading });
    await expect(mark).toBeVisible();
    await expect(mark).toContainText(MARK[locale].by);
    const quotes = mark.locator('blockquote');
    await expect(quotes).toHaveCount(2);
    // Each expert writes one opinion in their own language; both show on both language versions.
    await expect(quotes.nth(0)).toHaveText(OPINION_WORDS.PL);
    await expect(quotes.nth(1)).toHaveText(OPINION_WORDS.CZ);
    for (const [index, opinion] of detail.validation.opinions.entries()) await expect(quotes.nth(index)).toHaveText(opinion.opinion);
    await expectAccessible(page);
    await screenshot(page, `validated-practice-${locale}`);
  }
  expect(foreignRequests).toEqual([]);
});

test('an unvalidated practice carries no mark', async ({ page, api }) => {
  const plain = (await api('/api/v2/practices/?locale=cs&validated=false&limit=1')).results[0];
  await page.goto(plain.path);
  await expect(page.locator('[data-validated]')).toHaveCount(0);
});

test('"validated only" lists only validated practices, each card badged, and the language switch keeps it', async ({
  page,
  api,
  foreignRequests,
}) => {
  const all = await api('/api/v2/practices/?locale=pl&limit=100');
  const validated = await api('/api/v2/practices/?locale=pl&validated=true&limit=100');
  expect(validated.count).toBeGreaterThan(0);
  expect(validated.count).toBeLessThan(all.count);

  await page.goto(indexOf(all.results[0].path));
  const badges = page.locator('#results article.card [data-validated]');
  const firstPage = await api('/api/v2/practices/?locale=pl&limit=9');
  await expect(badges).toHaveCount(firstPage.results.filter((item: any) => item.validated).length);
  await page.getByRole('checkbox', { name: 'Tylko zweryfikowane przez ekspertów z Polski i Czech' }).check();
  await page.getByRole('button', { name: 'Pokaż wyniki' }).click();
  expect(new URL(page.url()).searchParams.get('validated')).toBe('true');
  expect(await cardTitles(page)).toEqual(validated.results.map((item: any) => item.title));
  await expect(badges).toHaveCount(validated.count);
  await expect(badges.first()).toHaveText('Zweryfikowana przez ekspertów');
  await expectAccessible(page);
  await screenshot(page, 'practices-validated-only-pl');

  await page.getByRole('navigation', { name: 'Wersja językowa' }).getByRole('link').click();
  expect(new URL(page.url()).searchParams.get('validated')).toBe('true');
  await expect(page.getByRole('checkbox', { name: 'Jen ověřené odborníky z Polska a Česka' })).toBeChecked();
  const czech = await api('/api/v2/practices/?locale=cs&validated=true&limit=100');
  expect(await cardTitles(page)).toEqual(czech.results.map((item: any) => item.title));
  await expect(badges.first()).toHaveText('Ověřeno odborníky');
  expect(foreignRequests).toEqual([]);
});
