import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The portal with the keyboard alone: every step is a Tab, Shift+Tab, Space or Enter, and wherever
// the focus lands it must be visible (an outline or a ring drawn by the page's styles) and on screen.

const HOME_PL = 'Strona główna';
const API = () => process.env.A4B_API_URL!;

interface Focused {
  name: string;
  tag: string;
  /** A focus indicator the page draws: an outline of at least 2 px in a visible colour, or a box-shadow ring. */
  indicated: boolean;
  onScreen: boolean;
  inMain: boolean;
}

/** What has the focus now, and whether a sighted keyboard user can see where it is. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && !/rgba\(.*, 0\)$/.test(style.outlineColor);
    const ring = style.boxShadow !== 'none';
    const box = element.getBoundingClientRect();
    const label = element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : undefined;
    return {
      name: (label ?? element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      tag: element.tagName.toLowerCase(),
      indicated: element.matches(':focus-visible') && (outline || ring),
      onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
      inMain: element.closest('main') !== null,
    };
  });
}

/** Presses a key and checks that the focus it moved is visible and on screen. */
async function press(page: Page, key: string): Promise<Focused> {
  await page.keyboard.press(key);
  const now = await focused(page);
  expect(now, `something has the focus after ${key}`).not.toBeNull();
  expect(now!.indicated, `focus visible on <${now!.tag}> "${now!.name}"`).toBe(true);
  expect(now!.onScreen, `<${now!.tag}> "${now!.name}" scrolled into view`).toBe(true);
  return now!;
}

/** Tabs forward until `target` has the focus, checking the focus at every step; fails after `limit` steps. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<number> {
  for (let steps = 1; steps <= limit; steps++) {
    await press(page, 'Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return steps;
  }
  throw new Error(`${target} not reached with ${limit} Tabs`);
}

test('from the home to a filtered, paged practice list and its Czech version, with the keyboard only', async ({
  page,
  api,
  foreignRequests,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const navigation = await api('/api/v2/navigation/?locale=pl');
  const menu: { title: string; path: string; section: string | null }[] = navigation.main;

  // The skip link comes first, shows itself when focused and moves the focus to the content.
  await page.goto('/');
  expect((await press(page, 'Tab')).name).toBe('Przejdź do treści');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('#main')).toBeFocused();
  const next = await press(page, 'Tab');
  expect(next.inMain, `the Tab after the skip link lands in the content, not on "${next.name}"`).toBe(true);

  // From the top: the skip link, the site's name, the language switch, then the menu in the page tree's order
  // and the map.
  await page.goto('/');
  const order: string[] = [];
  for (let step = 0; step < 3 + 1 + menu.length + 1; step++) order.push((await press(page, 'Tab')).name);
  expect(order).toEqual([
    'Przejdź do treści',
    navigation.home.title,
    'Čeština',
    HOME_PL,
    ...menu.map((link) => link.title),
    'Mapa',
  ]);

  // Back to the good practices with Shift+Tab, and Enter follows the link.
  const practices = menu.find((link) => link.section === 'practices')!;
  const practicesLink = page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: practices.title, exact: true });
  for (let step = 0; step < menu.length && !(await practicesLink.evaluate((element) => element === document.activeElement)); step++) {
    await press(page, 'Shift+Tab');
  }
  await expect(practicesLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === practices.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(practices.title);

  // The filters: two agglomerations ticked with Space, the form sent with Enter on its button.
  for (const name of ['Aglomeracja Opolska', 'Aglomeracja Ołomuniecka']) {
    const checkbox = page.getByRole('checkbox', { name, exact: true });
    await tabTo(page, checkbox);
    await page.keyboard.press('Space');
    await expect(checkbox).toBeChecked();
  }
  await tabTo(page, page.getByRole('button', { name: 'Pokaż wyniki' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.searchParams.getAll('agglomeration').join() === 'opole,olomouc');
  const both = await (await fetch(`${API()}/api/v2/practices/?locale=pl&agglomeration=opole&agglomeration=olomouc&limit=100`)).json();
  const results = page.locator('#results article.card h3');
  const firstPage = await results.allInnerTexts();
  expect(firstPage.length, 'the two agglomerations need a second page').toBeLessThan(both.count);
  expect(firstPage).toEqual(both.results.slice(0, firstPage.length).map((item: { title: string }) => item.title));
  await expect(page.locator('#results .count')).toContainText(String(both.count));

  // The paging link, reached with Tab past the form and the results, keeps the filters.
  await tabTo(page, page.getByRole('link', { name: 'Następna strona' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.searchParams.get('page') === '2' && url.searchParams.getAll('agglomeration').length === 2);
  await expect(results.first()).toHaveText(both.results[firstPage.length].title);

  // A new page starts from the top again: the language switch opens the list in Czech.
  const czech = (await api('/api/v2/navigation/?locale=cs')).sections.practices;
  await tabTo(page, page.getByRole('navigation', { name: 'Wersja językowa' }).getByRole('link'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === czech);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
  expect(foreignRequests).toEqual([]);
});

test('on a 360 px phone without JavaScript the whole menu is reached with Tab, on screen, and Enter follows it', async ({
  browser,
  api,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: process.env.A4B_FRONTEND_URL,
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  try {
    const navigation = await api('/api/v2/navigation/?locale=cs');
    const menu: { title: string; path: string; section: string | null }[] = navigation.main;
    await page.goto(navigation.home.path);
    // Nothing to open first: the menu is not folded behind a button, every link is shown.
    const links = page.getByRole('navigation', { name: 'Hlavní menu' }).getByRole('link');
    await expect(links).toHaveCount(1 + menu.length + 1);
    for (const link of await links.all()) await expect(link).toBeVisible();
    expect(await page.locator('header [aria-expanded]').count()).toBe(0);
    // Page wide as the phone: nothing to scroll sideways to.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const names: string[] = [];
    for (let step = 0; step < 3 + 1 + menu.length + 1; step++) names.push((await press(page, 'Tab')).name);
    expect(names.slice(3)).toEqual(['Úvodní stránka', ...menu.map((link) => link.title), 'Mapa']);
    const events = menu.find((link) => link.section === 'events')!;
    for (let step = 0; step < menu.length; step++) {
      if ((await focused(page))?.name === events.title) break;
      await press(page, 'Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === events.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(events.title);
  } finally {
    await context.close();
  }
});
