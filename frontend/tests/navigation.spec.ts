import { expect, expectAccessible, expectOnlySearchBoxScript, screenshot, test } from './fixtures';

const HOME = { pl: 'Strona główna', cs: 'Úvodní stránka' } as const;
const MAP = { pl: '/mapa/', cs: '/cs/mapa/' } as const;
const STATEMENT = { pl: 'Deklaracja dostępności', cs: 'Prohlášení o přístupnosti' } as const;

/** The text of a rich-text value's first paragraph or list item, as a visitor reads it. */
function firstParagraph(html: string): string {
  const paragraph = /<(p|li)>(.*?)<\/\1>/s.exec(html)?.[2] ?? html;
  return paragraph.replace(/<[^>]+>/g, '');
}

for (const locale of ['pl', 'cs'] as const) {
  test(`standard pages in ${locale} (about, contact, accessibility statement) render their body and are linked in the footer`, async ({
    page,
    api,
    foreignRequests,
  }) => {
    const navigation = await api(`/api/v2/navigation/?locale=${locale}`);
    const titles = navigation.footer.map((link: { title: string }) => link.title);
    expect(titles).toContain(STATEMENT[locale]);
    expect(titles.length).toBeGreaterThanOrEqual(3);

    for (const link of navigation.footer) {
      const found = await api(`/api/v2/pages/find/?path=${encodeURIComponent(link.path)}`);
      const item = await api(new URL(found.api_url).pathname);
      const response = await page.goto(link.path);
      expect(response?.status(), link.path).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.title);
      await expect(page.getByText(item.intro, { exact: true })).toBeVisible();
      const main = page.getByRole('main');
      for (const block of item.body) {
        if (block.type === 'heading') await expect(main.getByRole('heading', { level: 2, name: block.value })).toBeVisible();
        if (block.type === 'paragraph') await expect(main.getByText(firstParagraph(block.value)).first()).toBeVisible();
      }

      // The footer links every standard page, in this page's language.
      const footer = page.getByRole('contentinfo').getByRole('navigation');
      for (const other of navigation.footer) {
        await expect(footer.getByRole('link', { name: other.title, exact: true })).toHaveAttribute('href', other.path);
      }

      // Home › this page, the last one marked as the current page.
      const crumbs = page.getByRole('navigation', { name: locale === 'pl' ? 'Ścieżka nawigacji' : 'Drobečková navigace' }).getByRole('link');
      await expect(crumbs).toHaveText([HOME[locale], item.title]);
      await expect(crumbs.first()).toHaveAttribute('href', navigation.home.path);
      await expect(crumbs.last()).toHaveAttribute('href', link.path);
      await expect(crumbs.last()).toHaveAttribute('aria-current', 'page');

      await expectOnlySearchBoxScript(page);
      await expectAccessible(page);
      await screenshot(page, `standard-${item.slug}-${locale}`);
    }
    expect(foreignRequests).toEqual([]);
  });
}

test('the menu shows the page tree\'s sections and breadcrumbs follow the tree down to an item', async ({ page, api, foreignRequests }) => {
  for (const locale of ['pl', 'cs'] as const) {
    const navigation = await api(`/api/v2/navigation/?locale=${locale}`);
    expect(navigation.main.map((link: { section: string | null }) => link.section)).toEqual(
      expect.arrayContaining(['practices', 'events', 'partners']),
    );
    await page.goto(navigation.home.path);
    const menu = page.getByRole('navigation', { name: locale === 'pl' ? 'Menu główne' : 'Hlavní menu' }).getByRole('link');
    await expect(menu).toHaveText([HOME[locale], ...navigation.main.map((link: { title: string }) => link.title), 'Mapa']);
    for (const [index, link] of navigation.main.entries()) await expect(menu.nth(index + 1)).toHaveAttribute('href', link.path);
    await expect(menu.last()).toHaveAttribute('href', MAP[locale]);
    await expect(menu.first()).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('nav[aria-label="Ścieżka nawigacji"], nav[aria-label="Drobečková navigace"]')).toHaveCount(0);
  }

  // An item two levels down: home › its section › itself; the section stays marked in the menu.
  const practice = (await api('/api/v2/practices/?locale=cs&limit=1')).results[0];
  const found = await api(`/api/v2/pages/find/?path=${encodeURIComponent(practice.path)}`);
  expect(found.breadcrumbs).toHaveLength(3);
  const [, section] = found.breadcrumbs;
  await page.goto(practice.path);
  const crumbs = page.getByRole('navigation', { name: 'Drobečková navigace' }).getByRole('link');
  await expect(crumbs).toHaveText([HOME.cs, section.title, practice.title]);
  await expect(crumbs.nth(1)).toHaveAttribute('href', section.path);
  await expect(crumbs.last()).toHaveAttribute('aria-current', 'page');
  await expect(crumbs.first()).not.toHaveAttribute('aria-current', /.*/);
  const sectionInMenu = page.getByRole('navigation', { name: 'Hlavní menu' }).getByRole('link', { name: section.title, exact: true });
  await expect(sectionInMenu).toHaveAttribute('aria-current', 'true');
  await expectAccessible(page);

  // An index page: home › the section, which the menu marks as the current page.
  await page.goto(section.path);
  await expect(page.getByRole('navigation', { name: 'Drobečková navigace' }).getByRole('link')).toHaveText([HOME.cs, section.title]);
  await expect(sectionInMenu).toHaveAttribute('aria-current', 'page');
  await screenshot(page, 'breadcrumbs-section-cs');
  expect(foreignRequests).toEqual([]);
});

for (const locale of ['pl', 'cs'] as const) {
  test(`the map is in the header menu in ${locale}: reached with Tab, followed with Enter, marked as the current page`, async ({
    page,
    api,
    foreignRequests,
  }) => {
    const navigation = await api(`/api/v2/navigation/?locale=${locale}`);
    const menuName = locale === 'pl' ? 'Menu główne' : 'Hlavní menu';
    // From a practice, a page deep in the tree: the map is one link of the menu, not only an entry point of the home.
    const practice = (await api(`/api/v2/practices/?locale=${locale}&limit=1`)).results[0];
    await page.goto(practice.path);
    const mapLink = page.getByRole('navigation', { name: menuName }).getByRole('link', { name: 'Mapa', exact: true });
    await expect(mapLink).toHaveAttribute('href', MAP[locale]);
    await expect(mapLink).not.toHaveAttribute('aria-current', /.*/);
    // The skip link, the site's name, the language switch, the home, the tree's sections, then the map.
    for (let step = 0; step < 3 + 1 + navigation.main.length + 1; step++) await page.keyboard.press('Tab');
    await expect(mapLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === MAP[locale]);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(mapLink).toHaveAttribute('aria-current', 'page');
    // Search is reached from the header too: its search box (a search landmark) sends the query to the search page.
    await expect(page.getByRole('search').first()).toHaveAttribute('action', locale === 'pl' ? '/szukaj/' : '/cs/hledat/');
    await expectAccessible(page);
    expect(foreignRequests).toEqual([]);
  });
}
