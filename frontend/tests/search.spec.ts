import { createServer } from 'node:net';
import type { Page, Request } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { spawnPortal } from './portal-server';

// The search pages (/szukaj/, /cs/hledat/) and the header's search box, checked against what the
// search API answers for the demo content.

const API = () => process.env.A4B_API_URL!;
const PATHS = { pl: '/szukaj/', cs: '/cs/hledat/' } as const;
type Locale = keyof typeof PATHS;

const WORDS = {
  pl: {
    box: 'Szukaj w portalu',
    button: 'Szukaj',
    results: (q: string) => `Wyniki wyszukiwania: „${q}”`,
    count: /^\d+ wynik(i|ów)?$/,
    refine: 'Zawęź wyniki',
    next: 'Następna strona',
    previous: 'Poprzednia strona',
    problems: 'Nie rozpoznaliśmy części adresu tego wyszukiwania',
    nothing: (q: string) => `Nic nie znaleźliśmy dla „${q}”`,
    topics: 'Przeglądaj dobre praktyki według tematu',
    suggestions: 'Podpowiedzi',
    count8: '8 podpowiedzi',
    clear: 'Usuń wszystkie filtry',
    switchTo: 'Čeština',
    unavailable: 'Serwis chwilowo niedostępny',
  },
  cs: {
    box: 'Hledat na portálu',
    button: 'Hledat',
    results: (q: string) => `Výsledky hledání: „${q}“`,
    count: /^\d+ výsled(ek|ky|ků)$/,
    refine: 'Upřesnit výsledky',
    next: 'Další strana',
    previous: 'Předchozí strana',
    problems: 'Části adresy tohoto hledání nerozumíme',
    nothing: (q: string) => `Pro „${q}“ jsme nic nenašli`,
    topics: 'Procházet dobrou praxi podle témat',
    suggestions: 'Návrhy',
    count8: '8 návrhů',
    clear: 'Zrušit všechny filtry',
    switchTo: 'Polski',
    unavailable: 'Služba je dočasně nedostupná',
  },
};

interface Found {
  count: number;
  matched_all_words: boolean;
  facets: Record<'type' | 'topic' | 'agglomeration', { value: string; label: string; count: number }[]>;
  results: { title: string; path: string; type: string; highlight: { title: string; snippet: string } }[];
}

/** The API's answer for the same search the page makes (10 a page). */
async function searched(locale: Locale, query: Record<string, string | string[]>, page = 1): Promise<Found> {
  const params = new URLSearchParams({ locale, limit: '10', offset: String((page - 1) * 10) });
  for (const [name, value] of Object.entries(query)) for (const one of [value].flat()) params.append(name, one);
  const response = await fetch(`${API()}/api/v2/search/?${params}`);
  expect(response.status).toBe(200);
  return response.json();
}

const resultTitles = (page: Page) => page.locator('#results .result h3').allInnerTexts();
const marks = (page: Page) => page.locator('#results .result mark').allInnerTexts();
const isAutocomplete = (request: Request) => request.url().includes('/api/v2/search/autocomplete/');

/** Presses Tab until `selector` has the focus (the keyboard is the only way in); fails after 40 steps. */
async function tabTo(page: Page, selector: string) {
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Tab');
    if (await page.locator(selector).evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${selector} not reached with Tab`);
}

const QUERIES: { locale: Locale; typed: string; finds: RegExp; marked: RegExp }[] = [
  // The Polish name of Olomouc finds the Czech city's content in Polish, in every inflection.
  { locale: 'pl', typed: 'Ołomuniec', finds: /Ołomuń|Ołomuniec/, marked: /^ołomu/i },
  // Without diacritics and in another case: współpracy → współpraca.
  { locale: 'pl', typed: 'wspolpracy', finds: /[Ww]spółprac/, marked: /^współprac/i },
  // Czech without diacritics: spoluprace → spolupráce, spolupráci.
  { locale: 'cs', typed: 'spoluprace', finds: /[Ss]polupráce/, marked: /^spoluprác/i },
  // The Polish name of Opole finds Opolí in Czech.
  { locale: 'cs', typed: 'Opole', finds: /Opolí|Opolsk/, marked: /^opol/i },
];

for (const { locale, typed, finds, marked } of QUERIES) {
  test(`"${typed}" typed in the ${locale} header box finds what the API finds, highlighted`, async ({ page, foreignRequests }) => {
    const home = locale === 'pl' ? '/' : '/cs/';
    await page.goto(home);
    await page.getByRole('search').getByLabel(WORDS[locale].box).fill(typed);
    await page.getByRole('search').getByRole('button', { name: WORDS[locale].button }).click();
    await expect(page).toHaveURL((url) => url.pathname === PATHS[locale] && url.searchParams.get('q') === typed);
    const expected = await searched(locale, { q: typed });
    expect(expected.count).toBeGreaterThan(0);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS[locale].results(typed));
    await expect(page).toHaveTitle(new RegExp(`^${WORDS[locale].results(typed)} · `));
    await expect(page.locator('#results .count')).toHaveText(WORDS[locale].count);
    await expect(page.locator('#results .count')).toContainText(String(expected.count));
    expect(await resultTitles(page)).toEqual(expected.results.map((result) => result.title));
    expect((await resultTitles(page)).some((title) => finds.test(title)), `a title like ${finds}`).toBe(true);
    const words = await marks(page);
    expect(words.length).toBeGreaterThan(0);
    expect(words.some((word) => marked.test(word)), `${words} has a word like ${marked}`).toBe(true);
    // The links are the API's paths; the first one opens its page.
    const first = page.locator('#results .result h3 a').first();
    await expect(first).toHaveAttribute('href', expected.results[0]!.path);
    // The box on the page keeps the query, so it can be changed; the header has no second box.
    await expect(page.getByRole('search')).toHaveCount(1);
    await expect(page.getByRole('search').getByLabel(WORDS[locale].box)).toHaveValue(typed);
    await expectAccessible(page);
    if (typed === 'Ołomuniec' || typed === 'spoluprace') await screenshot(page, `search-results-${locale}`);
    await first.click();
    await expect(page).toHaveURL((url) => url.pathname === expected.results[0]!.path);
    expect(foreignRequests).toEqual([]);
  });
}

test('results pages are not indexed, the bare form is, with both languages as alternates', async ({ request }) => {
  const results = await request.get('/szukaj/?q=transport');
  expect(results.status()).toBe(200);
  expect(results.headers()['x-robots-tag']).toBe('noindex');
  const form = await request.get('/cs/hledat/');
  expect(form.status()).toBe(200);
  expect(form.headers()['x-robots-tag']).toBeUndefined();
  const html = await form.text();
  expect(html).toContain('hreflang="pl"');
  expect(html).toMatch(/<link rel="canonical" href="[^"]+\/cs\/hledat\/">/);
});

test("the home's WebSite structured data names the search page as its SearchAction", async ({ page, request }) => {
  for (const locale of ['pl', 'cs'] as const) {
    await page.goto(locale === 'pl' ? '/' : '/cs/');
    const nodes = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text));
    const website = nodes.find((node) => node['@type'] === 'WebSite');
    expect(website.potentialAction).toMatchObject({ '@type': 'SearchAction', 'query-input': 'required name=search_term_string' });
    const template: string = website.potentialAction.target.urlTemplate;
    expect(new URL(template.replace('{search_term_string}', 'x')).pathname).toBe(PATHS[locale]);
    const answer = await request.get(template.replace('{search_term_string}', 'Olomouc'));
    expect(answer.status()).toBe(200);
    expect(await answer.text()).toContain('Olomouc');
  }
});

test('facets narrow the results with the counts the API gives, keeping the query; paging keeps both', async ({ page, foreignRequests }) => {
  const q = 'Ołomuniec';
  const all = await searched('pl', { q });
  await page.goto(`/szukaj/?q=${encodeURIComponent(q)}`);
  const facets = page.getByRole('navigation', { name: WORDS.pl.refine });
  // Every facet value the API counted is a link with that count.
  for (const name of ['type', 'topic', 'agglomeration'] as const) {
    const links = facets.locator(`a[data-facet="${name}"]`);
    await expect(links).toHaveCount(all.facets[name].length);
    for (const [index, value] of all.facets[name].entries()) {
      await expect(links.nth(index)).toHaveAttribute('data-value', value.value);
      await expect(links.nth(index)).toContainText(`(${value.count})`);
    }
  }
  // A type: the results and their count are the API's for the query with that type.
  const practice = all.facets.type.find((value) => value.value === 'practice')!;
  await facets.locator('a[data-facet="type"][data-value="practice"]').click();
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === q && url.searchParams.getAll('type').join() === 'practice');
  const practices = await searched('pl', { q, type: 'practice' });
  expect(practices.count).toBe(practice.count);
  await expect(page.locator('#results .count')).toContainText(String(practice.count));
  expect(await resultTitles(page)).toEqual(practices.results.map((result) => result.title));
  await expect(facets.locator('a.chosen')).toHaveCount(1);
  await expect(facets.locator('a.chosen')).toContainText('wybrano, usuń filtr');

  // Then a topic as well: the counts of the topic facet are the API's for the query with the type.
  const topic = practices.facets.topic.find((value) => value.count < practice.count)!;
  await facets.locator(`a[data-facet="topic"][data-value="${topic.value}"]`).click();
  await expect(page).toHaveURL((url) => url.searchParams.getAll('topic').join() === topic.value && url.searchParams.get('type') === 'practice');
  const both = await searched('pl', { q, type: 'practice', topic: topic.value });
  expect(both.count).toBe(topic.count);
  expect(await resultTitles(page)).toEqual(both.results.map((result) => result.title));
  for (const name of ['type', 'topic', 'agglomeration'] as const) {
    for (const value of both.facets[name]) {
      await expect(facets.locator(`a[data-facet="${name}"][data-value="${value.value}"]`)).toContainText(`(${value.count})`);
    }
  }
  // The chosen topic's link takes it away again.
  await facets.locator(`a.chosen[data-facet="topic"]`).click();
  await expect(page).toHaveURL((url) => url.searchParams.getAll('topic').length === 0 && url.searchParams.get('type') === 'practice');
  await facets.getByRole('link', { name: WORDS.pl.clear }).click();
  await expect(page).toHaveURL((url) => [...url.searchParams.keys()].join() === 'q');

  // Paging: past the first ten, the query and the facets stay.
  const agglomeration = all.facets.agglomeration.reduce((a, b) => (a.count >= b.count ? a : b));
  const wide = await searched('pl', { q });
  expect(wide.count, 'the demo query needs two pages').toBeGreaterThan(10);
  await page.getByRole('link', { name: WORDS.pl.next }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === q && url.searchParams.get('page') === '2');
  expect(await resultTitles(page)).toEqual((await searched('pl', { q }, 2)).results.map((result) => result.title));
  await expect(page.locator('#results ol')).toHaveAttribute('start', '11');
  await expect(page).toHaveTitle(/strona 2/);
  await page.getByRole('link', { name: WORDS.pl.previous }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === q && !url.searchParams.has('page'));
  if (agglomeration.count > 10) {
    await facets.locator(`a[data-facet="agglomeration"][data-value="${agglomeration.value}"]`).click();
    await page.getByRole('link', { name: WORDS.pl.next }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('agglomeration') === agglomeration.value && url.searchParams.get('page') === '2');
  }
  expect(foreignRequests).toEqual([]);
});

test('paging in Czech keeps the query and gives the API second page', async ({ page }) => {
  const q = 'spoluprace';
  const first = await searched('cs', { q });
  expect(first.count).toBeGreaterThan(10);
  await page.goto(`/cs/hledat/?q=${q}`);
  await page.getByRole('link', { name: WORDS.cs.next }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === q && url.searchParams.get('page') === '2');
  expect(await resultTitles(page)).toEqual((await searched('cs', { q }, 2)).results.map((result) => result.title));
  await expect(page.getByRole('link', { name: WORDS.cs.next })).toHaveCount(0);
});

for (const locale of ['pl', 'cs'] as const) {
  test(`nothing found in ${locale}: what to try, the other language's place names and the topics`, async ({ page, api, foreignRequests }) => {
    const q = 'xyzzyqv';
    expect((await searched(locale, { q })).count).toBe(0);
    const response = await page.goto(`${PATHS[locale]}?q=${q}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 2, name: WORDS[locale].nothing(q) })).toBeVisible();
    // Each suggested place name is a search that finds something.
    const places = page.locator('.empty li a');
    expect(await places.count()).toBeGreaterThan(1);
    for (const link of await places.all()) {
      const name = (await link.innerText()).trim();
      expect((await searched(locale, { q: name })).count, name).toBeGreaterThan(0);
      await expect(link).toHaveAttribute('href', `${PATHS[locale]}?q=${encodeURIComponent(name).replace(/%20/g, '+')}`);
    }
    // The topics, each a link to the practices of that topic.
    const topics = await api(`/api/v2/topics/?locale=${locale}`);
    const section = page.getByRole('region', { name: WORDS[locale].topics });
    await expect(section.getByRole('link')).toHaveText(topics.map((topic: any) => topic.name));
    const firstTopic = section.getByRole('link').first();
    await firstTopic.click();
    await expect(page).toHaveURL((url) => url.searchParams.get('topic') === topics[0].slug);
    await expect(page.getByRole('checkbox', { name: topics[0].name, exact: true })).toBeChecked();
    await page.goBack();
    await expectAccessible(page);
    await screenshot(page, `search-empty-${locale}`);
    expect(foreignRequests).toEqual([]);
  });

  test(`the ${locale} search page without a query shows the form and guidance only`, async ({ page }) => {
    const response = await page.goto(PATHS[locale]);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'pl' ? 'Szukaj' : 'Hledat');
    await expect(page.getByLabel(WORDS[locale].box)).toHaveValue('');
    await expect(page.locator('#results')).toHaveCount(0);
    await expect(page.locator('.examples a').first()).toBeVisible();
    // An example is a search that finds something.
    await page.locator('.examples a').first().click();
    await expect(page.locator('#results .result').first()).toBeVisible();
    await page.goto(PATHS[locale]);
    await expectAccessible(page);
  });
}

/** A word with results in each language (the 400 pages' "without these parameters" link leads to them). */
const WORD = { pl: 'transport', cs: 'doprava' };
const BAD: { name: string; query: string; says: RegExp }[] = [
  { name: 'a negative page', query: 'q=WORD&page=-1', says: /-1/ },
  { name: 'a page past the last', query: 'q=WORD&page=50', says: /50/ },
  { name: 'an unknown type', query: 'q=WORD&type=spaceship', says: /spaceship/ },
  { name: 'an unknown topic', query: 'q=WORD&topic=no-such-topic', says: /no-such-topic/ },
  { name: 'an unknown agglomeration', query: 'q=WORD&agglomeration=praha', says: /praha/ },
  { name: 'a 10 kB query', query: `q=${'a'.repeat(10_240)}`, says: /200/ },
  { name: 'a query without letters', query: 'q=%3C%3E%21', says: /<>!/ },
  { name: 'two queries', query: 'q=a&q=b', says: /a, b/ },
];

for (const locale of ['pl', 'cs'] as const) {
  test(`bad parameters answer 400 in ${locale}, saying what is wrong and where to go`, async ({ page }) => {
    for (const { name, query, says } of BAD) {
      const response = await page.goto(`${PATHS[locale]}?${query.replace('WORD', WORD[locale])}`);
      expect(response?.status(), name).toBe(400);
      expect(response?.headers()['x-robots-tag'], name).toBe('noindex');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      const problems = page.getByRole('region', { name: WORDS[locale].problems });
      await expect(problems, name).toBeVisible();
      await expect(problems.locator('li').first(), name).toContainText(says);
      // The 10 kB query is not written back into the page.
      expect((await page.content()).length, name).toBeLessThan(60_000);
    }
    await page.goto(`${PATHS[locale]}?q=${WORD[locale]}&type=spaceship&page=-1`);
    const problems = page.getByRole('region', { name: WORDS[locale].problems });
    await expect(problems.locator('ul').first().locator('li')).toHaveCount(2);
    await expectAccessible(page);
    await screenshot(page, `search-400-${locale}`);
    // "Without these parameters" keeps the query.
    await problems.locator('.ways a').first().click();
    await expect(page).toHaveURL((url) => url.search === `?q=${WORD[locale]}`);
    await expect(page.locator('#results .result').first()).toBeVisible();
  });
}

test('the language switch opens the same search on the other language’s page', async ({ page }) => {
  await page.goto('/szukaj/?q=Olomouc&type=practice');
  const link = page.getByRole('navigation', { name: 'Wersja językowa' }).getByRole('link');
  await expect(link).toHaveAttribute('href', '/cs/hledat/?q=Olomouc&type=practice');
  await link.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS.cs.results('Olomouc'));
  const czech = await searched('cs', { q: 'Olomouc', type: 'practice' });
  expect(await resultTitles(page)).toEqual(czech.results.map((result) => result.title));
  await expect(page.getByRole('navigation', { name: 'Jazyková verze' }).getByRole('link')).toHaveAttribute(
    'href',
    '/szukaj/?q=Olomouc&type=practice',
  );
});

test('without JavaScript the header box is a plain form that searches', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env.A4B_FRONTEND_URL });
  const page = await context.newPage();
  try {
    await page.goto('/cs/');
    const box = page.getByRole('search').getByLabel(WORDS.cs.box);
    // Not a combobox without the script: nothing would answer its promises.
    await expect(box).not.toHaveAttribute('role', 'combobox');
    await expect(page.locator('header [aria-expanded]')).toHaveCount(0);
    await box.fill('spoluprace');
    await box.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === PATHS.cs && url.searchParams.get('q') === 'spoluprace');
    await expect(page.locator('#results .result').first()).toBeVisible();
  } finally {
    await context.close();
  }
});

test('suggestions by keyboard only: type, arrows, Enter opens the chosen one; announced in Polish', async ({ page, api, foreignRequests }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (isAutocomplete(request)) asked.push(new URL(request.url()).searchParams.get('q')!);
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await tabTo(page, '#site-search-q');
  const box = page.getByRole('combobox', { name: WORDS.pl.box });
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  const listboxId = await box.getAttribute('aria-controls');
  const listbox = page.locator(`[id="${listboxId}"]`);
  await expect(listbox).toHaveAttribute('role', 'listbox');

  // One character asks nothing; typing on asks once, after the pause (debounced), not per key.
  await page.keyboard.type('o');
  await page.waitForTimeout(400);
  expect(asked).toEqual([]);
  await page.keyboard.type('lom', { delay: 30 });
  const expected = await api('/api/v2/search/autocomplete/?q=olom&locale=pl&limit=8');
  await expect(listbox).toBeVisible();
  expect(asked).toEqual(['olom']);
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const options = listbox.getByRole('option');
  await expect(options).toHaveCount(expected.results.length);
  for (const [index, suggestion] of expected.results.entries()) await expect(options.nth(index)).toContainText(suggestion.title);
  await expect(page.locator('.suggestions-status')).toHaveAttribute('aria-live', 'polite');
  await expect(page.locator('.suggestions-status')).toContainText(WORDS.pl.count8);

  // The arrows move the active option (the focus stays in the box), wrapping at the ends.
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(0).getAttribute('id'))!);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.last().getAttribute('id'))!);
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(0).getAttribute('id'))!);
  await expect(box).toBeFocused();

  await expectAccessible(page);
  await expect(listbox).toBeVisible();
  await screenshot(page, 'search-suggestions-pl');

  // Enter opens the chosen suggestion.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === expected.results[0].path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.results[0].title);
  expect(foreignRequests).toEqual([]);
});

test('Escape closes the suggestions, then empties the box; Enter without a choice searches; Czech announced', async ({ page }) => {
  await page.goto('/cs/');
  const box = page.getByRole('combobox', { name: WORDS.cs.box });
  await box.focus();
  await page.keyboard.type('olom');
  const listbox = page.getByRole('listbox', { name: WORDS.cs.suggestions });
  await expect(listbox).toBeVisible();
  await expect(page.locator('.suggestions-status')).toContainText(/^\d+ návrh(y|ů)?\./);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(box).not.toHaveAttribute('aria-activedescendant');
  await expect(box).toHaveValue('olom');
  // The arrow opens them again.
  await page.keyboard.press('ArrowDown');
  await expect(listbox).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(listbox).toBeHidden();

  // Enter with nothing chosen sends the form: the search page for the text.
  await page.keyboard.type('spoluprace');
  await expect(listbox).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === PATHS.cs && url.searchParams.get('q') === 'spoluprace');
  // The search page's own box suggests too.
  const pageBox = page.getByRole('combobox', { name: WORDS.cs.box });
  await pageBox.fill('');
  await pageBox.pressSequentially('opol');
  await expect(page.getByRole('listbox', { name: WORDS.cs.suggestions })).toBeVisible();
  await expectAccessible(page);
});

test('a slow answer to an earlier keystroke never replaces the newer suggestions', async ({ page }) => {
  const aborted: string[] = [];
  page.on('requestfailed', (request) => {
    if (isAutocomplete(request)) aborted.push(new URL(request.url()).searchParams.get('q')!);
  });
  let releaseStale: () => void = () => {};
  const staleReleased = new Promise<void>((done) => (releaseStale = done));
  let staleAsked: () => void = () => {};
  const staleOut = new Promise<void>((done) => (staleAsked = done));
  await page.route('**/api/v2/search/autocomplete/**', async (route) => {
    const q = new URL(route.request().url()).searchParams.get('q');
    if (q !== 'wsp') return route.continue();
    // Held until the newer answer is shown, then answered with something no real search gives.
    staleAsked();
    await staleReleased;
    await route
      .fulfill({ json: { results: [{ id: 1, type: 'practice', title: 'STALE ANSWER', path: '/stale/' }] } })
      .catch(() => {});
  });
  await page.goto('/');
  const box = page.getByRole('combobox', { name: WORDS.pl.box });
  await box.focus();
  await page.keyboard.type('wsp');
  await staleOut; // the request for "wsp" is out, and held
  await page.keyboard.type('olna');
  const listbox = page.getByRole('listbox');
  await expect(listbox).toBeVisible();
  await expect(listbox.getByRole('option').first()).toContainText('Wspólna');
  releaseStale();
  await page.waitForTimeout(500);
  await expect(listbox.getByRole('option').first()).toContainText('Wspólna');
  await expect(listbox).not.toContainText('STALE ANSWER');
  expect(aborted, 'the stale request was cancelled').toContain('wsp');
});

test('with the API unreachable the search page answers 503 with Retry-After in its language', async ({ page }) => {
  const freePort = () =>
    new Promise<number>((done) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => done(typeof address === 'object' && address ? address.port : 0));
      });
    });
  const [port, deadApiPort] = [await freePort(), await freePort()];
  const portal = spawnPortal({ HOST: '127.0.0.1', PORT: String(port), API_URL: `http://127.0.0.1:${deadApiPort}` });
  try {
    const url = `http://127.0.0.1:${port}/cs/hledat/?q=spoluprace`;
    await expect.poll(() => fetch(url).then((r) => r.status).catch(() => 0), { timeout: 20_000 }).toBe(503);
    const response = await page.goto(url);
    expect(response?.status()).toBe(503);
    expect(response?.headers()['retry-after']).toBe('60');
    await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS.cs.unavailable);
    await expectAccessible(page);
  } finally {
    portal.kill();
  }
});
