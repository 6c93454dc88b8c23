import { expect, expectAccessible, expectOnlySearchBoxScript, screenshot, test } from './fixtures';

const AGGLOMERATIONS: Record<'pl' | 'cs', Record<string, string>> = {
  pl: { opole: 'Aglomeracja Opolska', olomouc: 'Aglomeracja Ołomuniecka' },
  cs: { opole: 'Opolská aglomerace', olomouc: 'Olomoucká aglomerace' },
};

for (const locale of ['pl', 'cs'] as const) {
  test(`home in ${locale} shows the project's facts from the API`, async ({ page, api, foreignRequests }) => {
    const home = await api(`/api/v2/home/?locale=${locale}`);
    const response = await page.goto(home.path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(home.project_name);
    await expect(page.getByText(home.programme, { exact: true })).toBeVisible();
    for (const partner of home.partners) {
      await expect(page.getByRole('main').getByRole('link', { name: partner.title, exact: true }).first()).toHaveAttribute('href', partner.path);
    }
    for (const practice of home.featured_practices) {
      await expect(page.getByRole('link', { name: practice.title, exact: true })).toHaveAttribute('href', practice.path);
    }
    // Entry points: the menu's sections and pages as large links, in the tree's order, then the map.
    const navigation = await api(`/api/v2/navigation/?locale=${locale}`);
    const entryPoints = page.getByRole('navigation', { name: locale === 'pl' ? 'Na skróty' : 'Rozcestník' }).getByRole('link');
    await expect(entryPoints).toHaveText([...navigation.main.map((link: any) => link.title), 'Mapa']);
    for (const [index, link] of navigation.main.entries()) await expect(entryPoints.nth(index)).toHaveAttribute('href', link.path);
    await expect(entryPoints.last()).toHaveAttribute('href', locale === 'pl' ? '/mapa/' : '/cs/mapa/');
    // The next events as cards with their dates: the featured ones still to come, then the soonest others.
    const upcoming = (await api(`/api/v2/events/?locale=${locale}&upcoming=true&ordering=start&limit=20`)).results;
    const featured = new Set(home.featured_events.map((item: any) => item.id));
    const expected = [...upcoming.filter((event: any) => featured.has(event.id)), ...upcoming.filter((event: any) => !featured.has(event.id))]
      .slice(0, 3)
      .sort((a: any, b: any) => Date.parse(a.start) - Date.parse(b.start));
    expect(expected.length, 'the demo has upcoming events').toBeGreaterThan(0);
    const events = page.getByRole('region', { name: locale === 'pl' ? 'Nadchodzące wydarzenia' : 'Nadcházející akce' }).locator('article');
    await expect(events.locator('h3')).toHaveText(expected.map((event: any) => event.title));
    for (const [index, event] of expected.entries()) {
      await expect(events.nth(index).getByRole('link', { name: event.title, exact: true })).toHaveAttribute('href', event.path);
      await expect(events.nth(index).locator('time')).toHaveAttribute('datetime', event.start);
    }
    // Both agglomerations side by side, and the partners grouped by country, the visitor's own first.
    for (const code of ['opole', 'olomouc']) await expect(page.getByRole('list', { name: locale === 'pl' ? 'Aglomeracje projektu' : 'Aglomerace projektu' })).toContainText(AGGLOMERATIONS[locale][code]!);
    const countries = await page.locator('.partners .country').allInnerTexts();
    expect(countries.map((name) => name.toLowerCase())).toEqual(locale === 'pl' ? ['polska', 'czechy'] : ['česko', 'polsko']);
    await expect(page.getByText(home.co_financing)).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText(locale === 'pl' ? 'Europejskiego Funduszu' : 'Evropského fondu');
    await expectOnlySearchBoxScript(page);
    await expectAccessible(page);
    await screenshot(page, `home-${locale}`);
    expect(foreignRequests).toEqual([]);
  });
}

test('a practice shows its fields and responsive images, and the language switch opens its translation', async ({
  page,
  api,
  foreignRequests,
}) => {
  const list = await api('/api/v2/practices/?locale=pl&limit=100');
  const summary = list.results.find((item: any) => item.main_image && item.translations.length);
  const practice = await api(`/api/v2/practices/${summary.id}/`);
  const response = await page.goto(practice.path);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(practice.title);
  await expect(page.getByText(practice.summary)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Wyzwanie' })).toBeVisible();
  const challenge = practice.challenge.replace(/<[^>]+>/g, '');
  await expect(page.getByText(challenge)).toBeVisible();
  for (const topic of practice.topics) await expect(page.getByText(topic.name, { exact: false }).first()).toBeVisible();
  for (const institution of practice.institutions) {
    await expect(page.getByRole('main').getByRole('link', { name: institution.title }).first()).toHaveAttribute('href', institution.path);
  }

  const image = page.locator(`img[src="${practice.main_image.renditions.medium.url}"]`).first();
  const { large, medium } = practice.main_image.renditions;
  await expect(image).toHaveAttribute('srcset', `${medium.url} ${medium.width}w, ${large.url} ${large.width}w`);
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expectAccessible(page);
  await screenshot(page, 'practice-pl');

  const czech = practice.translations.find((link: any) => link.locale === 'cs');
  const origin = process.env.A4B_FRONTEND_URL;
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${origin}${practice.path}`);
  await expect(page.locator('link[rel="alternate"][hreflang="cs"]')).toHaveAttribute('href', `${origin}${czech.path}`);
  await expect(page.locator('link[rel="alternate"][hreflang="pl"]')).toHaveAttribute('href', `${origin}${practice.path}`);
  await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute('href', `${origin}${practice.path}`);
  await page.getByRole('navigation', { name: 'Wersja językowa' }).getByRole('link').click();
  await expect(page).toHaveURL((url) => url.pathname === czech.path);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
  const translated = await api(`/api/v2/practices/${czech.id}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(translated.title);
  await expect(page.getByRole('heading', { name: 'Výzva' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'practice-cs');
  expect(foreignRequests).toEqual([]);
});

for (const [path, locale, title] of [
  ['/no-such-page/', 'pl', 'Nie znaleziono strony'],
  ['/cs/zadna-takova-stranka/', 'cs', 'Stránka nenalezena'],
] as const) {
  test(`an unknown path ${path} answers 404 in ${locale}`, async ({ page, foreignRequests }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expectAccessible(page);
    await screenshot(page, `not-found-${locale}`);
    expect(foreignRequests).toEqual([]);
  });
}

test('lists and the other detail pages render in both languages, accessibly', async ({ page, api, foreignRequests }) => {
  const event = (await api('/api/v2/events/?locale=cs&limit=1')).results[0];
  const partner = (await api('/api/v2/partners/?locale=pl&limit=1')).results[0];
  const practiceIndex = (await api('/api/v2/practices/?locale=pl&limit=1')).results[0].path.replace(/[^/]+\/$/, '');
  for (const [name, path, heading] of [
    ['event-cs', event.path, event.title],
    ['partner-pl', partner.path, partner.title],
    ['practices-pl', practiceIndex, 'Dobre praktyki'],
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expectAccessible(page);
    await screenshot(page, name);
  }
  expect(foreignRequests).toEqual([]);
});

test('a keyboard user can skip to the content and reach the language switch', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Przejdź do treści' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('#main')).toBeFocused();

  await page.goto('/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const switchLink = page.getByRole('navigation', { name: 'Wersja językowa' }).getByRole('link');
  await expect(switchLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === '/cs/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
});
