import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './fixtures';

// The lists' filters, calendars and partners' details, checked against what the API answers.

const API = () => process.env.A4B_API_URL!;
const indexOf = (path: string) => path.replace(/[^/]+\/$/, '');
const titles = (items: { title: string }[]) => items.map((item) => item.title);
const cardTitles = (scope: Page | Locator) => scope.locator('article.card h3').allInnerTexts();
const search = (page: Page) => new URL(page.url()).searchParams;
/** What a submitted form chose: a GET form also sends the fields left at "any", empty. */
const chosen = (page: Page) => Object.fromEntries([...search(page)].filter(([, value]) => value !== ''));

/** RFC 5545 text as one logical line per property: long lines come folded at 75 octets. */
const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');
const icsText = (text: string) => text.replace(/([\\,;])/g, '\\$1');

test('practices filter by topic and by agglomeration, and paging keeps the filters', async ({ page, api, foreignRequests }) => {
  const all = await api('/api/v2/practices/?locale=pl&limit=100');
  const index = indexOf(all.results[0].path);
  const topics = await api('/api/v2/topics/?locale=pl');
  const used = (slug: string) => all.results.filter((item: any) => item.topics.some((topic: any) => topic.slug === slug)).length;
  const topic = topics.find((candidate: any) => used(candidate.slug) > 0 && used(candidate.slug) < all.count);

  await page.goto(index);
  const results = page.locator('#results');
  expect(await cardTitles(results)).not.toEqual([]);
  await page.getByRole('checkbox', { name: topic.name, exact: true }).check();
  await page.getByRole('button', { name: 'Pokaż wyniki' }).click();
  expect(search(page).getAll('topic')).toEqual([topic.slug]);
  const byTopic = await api(`/api/v2/practices/?locale=pl&topic=${topic.slug}&limit=100`);
  expect(await cardTitles(results)).toEqual(titles(byTopic.results));
  await expect(page.getByRole('checkbox', { name: topic.name, exact: true })).toBeChecked();
  await expect(results.locator('.count')).toContainText(String(byTopic.count));
  await expectAccessible(page);
  await screenshot(page, 'practices-by-topic-pl');

  await page.getByRole('link', { name: 'Wyczyść filtry' }).click();
  await expect(page).toHaveURL((url) => url.pathname === index && url.search === '');
  for (const name of ['Aglomeracja Opolska', 'Aglomeracja Ołomuniecka']) await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: 'Pokaż wyniki' }).click();
  expect(search(page).getAll('agglomeration')).toEqual(['opole', 'olomouc']);
  const both = await api('/api/v2/practices/?locale=pl&agglomeration=opole&agglomeration=olomouc&limit=100');
  const firstPage = await cardTitles(results);
  expect(firstPage.length, 'the two agglomerations need more than one page').toBeLessThan(both.count);
  expect(firstPage).toEqual(titles(both.results).slice(0, firstPage.length));
  expect(both.results.every((item: any) => item.agglomeration !== 'cross_border')).toBe(true);

  await page.getByRole('link', { name: 'Następna strona' }).click();
  expect(search(page).getAll('agglomeration')).toEqual(['opole', 'olomouc']);
  expect(search(page).get('page')).toBe('2');
  expect(await cardTitles(results)).toEqual(titles(both.results).slice(firstPage.length, firstPage.length * 2));
  await expect(page.getByRole('checkbox', { name: 'Aglomeracja Opolska' })).toBeChecked();
  const previous = page.getByRole('link', { name: 'Poprzednia strona' });
  await expect(previous).toHaveAttribute('href', `${index}?agglomeration=opole&agglomeration=olomouc`);
  await expectAccessible(page);
  await screenshot(page, 'practices-by-agglomeration-page-2-pl');
  expect(foreignRequests).toEqual([]);
});

test('the practice filters work with JavaScript disabled', async ({ browser, api }) => {
  const all = await api('/api/v2/practices/?locale=cs&limit=100');
  const practice = all.results.find((item: any) => item.institutions.length > 0);
  const [partner] = practice.institutions;
  const year = practice.start_date.slice(0, 4);
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env.A4B_FRONTEND_URL });
  const page = await context.newPage();
  try {
    await page.goto(indexOf(practice.path));
    await page.getByLabel('Realizující partner').selectOption(String(partner.id));
    await page.getByLabel('Od roku').fill(year);
    await page.getByLabel('Do roku').fill(year);
    await page.locator(`input[name="funding_source"][value="${practice.funding_source}"]`).check();
    await page.getByRole('button', { name: 'Zobrazit výsledky' }).click();
    expect(chosen(page)).toEqual({
      funding_source: practice.funding_source,
      year_from: year,
      year_to: year,
      partner: String(partner.id),
    });
    const expected = await api(
      `/api/v2/practices/?locale=cs&partner=${partner.id}&funding_source=${practice.funding_source}` +
        `&active_from=${year}-01-01&active_to=${year}-12-31&limit=100`,
    );
    expect(titles(expected.results)).toContain(practice.title);
    expect(await cardTitles(page.locator('#results'))).toEqual(titles(expected.results));
    await expect(page.getByLabel('Realizující partner')).toHaveValue(String(partner.id));
    await expect(page.getByLabel('Od roku')).toHaveValue(year);
  } finally {
    await context.close();
  }
});

test('the language switch keeps the practice filters, the partner as its translation, from the first page', async ({
  page,
  api,
  foreignRequests,
}) => {
  const all = await api('/api/v2/practices/?locale=pl&limit=100');
  const practice = all.results.find((item: any) => item.topics.length > 0 && item.institutions.length > 0);
  const [topic] = practice.topics;
  const [partner] = practice.institutions;
  const partnerCs = (await api(`/api/v2/partners/${partner.id}/`)).translations.find((link: any) => link.locale === 'cs').id;
  const indexCs = indexOf((await api('/api/v2/practices/?locale=cs&limit=1')).results[0].path);
  const filtered = `?topic=${topic.slug}&agglomeration=${practice.agglomeration}&partner=${partner.id}`;

  await page.goto(`${indexOf(practice.path)}${filtered}&page=1`);
  await page.getByRole('navigation', { name: 'Wersja językowa' }).getByRole('link').click();
  await expect(page).toHaveURL((url) => url.pathname === indexCs);
  expect(chosen(page)).toEqual({ topic: topic.slug, agglomeration: practice.agglomeration, partner: String(partnerCs) });
  await expect(page.locator(`input[name="topic"][value="${topic.slug}"]`)).toBeChecked();
  await expect(page.getByLabel('Realizující partner')).toHaveValue(String(partnerCs));
  const expected = await api(
    `/api/v2/practices/?locale=cs&topic=${topic.slug}&agglomeration=${practice.agglomeration}&partner=${partnerCs}&limit=100`,
  );
  expect(await cardTitles(page.locator('#results'))).toEqual(titles(expected.results).slice(0, 9));

  await page.goto(indexCs);
  await expect(page.getByRole('navigation', { name: 'Jazyková verze' }).getByRole('link')).toHaveAttribute(
    'href',
    indexOf(practice.path),
  );
  expect(foreignRequests).toEqual([]);
});

test('events filter by type and organiser; cards show time, venue and registration', async ({ page, api, foreignRequests }) => {
  const all = await api('/api/v2/events/?locale=cs&limit=100');
  const now = Date.now();
  const sample = all.results.find((event: any) => event.registration_url && Date.parse(event.end) > now && event.organiser);
  const type = sample.event_type;
  const organiser = sample.organiser.id;
  await page.goto(indexOf(sample.path));
  await page.locator(`input[name="type"][value="${type}"]`).check();
  await page.getByLabel('Pořadatel').selectOption(String(organiser));
  await page.getByRole('button', { name: 'Zobrazit výsledky' }).click();
  expect(chosen(page)).toEqual({ type, organiser: String(organiser) });

  const query = `/api/v2/events/?locale=cs&type=${type}&organiser=${organiser}&limit=100`;
  const upcoming = await api(`${query}&upcoming=true`);
  const past = await api(`${query}&past=true&ordering=-start`);
  const section = (name: string) => page.locator('section', { has: page.getByRole('heading', { name, exact: true }) });
  expect(await cardTitles(section('Nadcházející akce'))).toEqual(titles(upcoming.results));
  const archive = titles(past.results);
  if (archive.length) expect(await cardTitles(section('Archiv akcí'))).toEqual(archive);
  else await expect(section('Archiv akcí')).toContainText('Žádné akce.');

  const card = page.locator('article.card', { has: page.getByRole('link', { name: sample.title, exact: true }) });
  const time = new Intl.DateTimeFormat('cs-CZ', { timeStyle: 'short', timeZone: 'Europe/Warsaw' }).format(new Date(sample.start));
  await expect(card.locator('time')).toContainText(time);
  await expect(card).toContainText(`Místo: ${[sample.venue_name, sample.city].filter(Boolean).join(', ')}`);
  const register = card.getByRole('link', { name: /^Registrovat se/ });
  await expect(register).toHaveAttribute('href', sample.registration_url);
  await expect(register, 'names the event for screen readers').toContainText(sample.title);

  const subscribe = page.getByRole('link', { name: 'Odebírat kalendář vybraných akcí' });
  await expect(subscribe).toHaveAttribute('href', `${API()}/feeds/cs/events.ics?type=${type}&organiser=${organiser}`);
  await expectAccessible(page);
  await screenshot(page, 'events-filtered-cs');
  expect(foreignRequests).toEqual([]);
});

test("an event's calendar file answers text/calendar with its UID and title, and the subscription carries it", async ({
  page,
  api,
  request,
}) => {
  const upcoming = await api('/api/v2/events/?locale=pl&upcoming=true&limit=1');
  const event = upcoming.results[0];
  await page.goto(event.path);
  const file = page.getByRole('link', { name: 'Dodaj do kalendarza (plik .ics)' });
  await expect(file).toHaveAttribute('href', `${API()}/feeds/pl/events/${event.id}.ics`);
  const answer = await request.get((await file.getAttribute('href'))!);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toMatch(/^text\/calendar/);
  const ics = unfold(await answer.text());
  expect(ics.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
  expect(ics).toContain(`SUMMARY:${icsText(event.title)}`);
  expect(ics).toContain(`URL:${event.url}`);
  const uid = ics.match(/^UID:(.+\.pl@.+)$/m)?.[1];
  expect(uid).toBeTruthy();

  const subscription = page.getByRole('link', { name: 'Subskrybuj kalendarz wszystkich wydarzeń' });
  await expect(subscription).toHaveAttribute('href', `${API()}/feeds/pl/events.ics`);
  const webcal = page.getByRole('link', { name: 'otwórz w aplikacji kalendarza' });
  await expect(webcal).toHaveAttribute('href', `${API().replace(/^https?:/, 'webcal:')}/feeds/pl/events.ics`);
  const feed = await request.get(`${API()}/feeds/pl/events.ics`);
  expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(unfold(await feed.text())).toContain(`UID:${uid}`);
  await expectAccessible(page);
  await screenshot(page, 'event-with-calendar-pl');
});

test('a partner shows its practices, events and public contacts, and links to the lists filtered by it', async ({
  page,
  api,
  foreignRequests,
}) => {
  const partners = await api('/api/v2/partners/?locale=pl&limit=100');
  const details = await Promise.all(partners.results.map((item: any) => api(`/api/v2/partners/${item.id}/`)));
  const partner = details.find((item: any) => item.contacts.length && item.practices.length && item.events.length);
  await page.goto(partner.path);
  const main = page.getByRole('main');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(partner.title);
  for (const link of [...partner.practices, ...partner.events]) {
    await expect(main.getByRole('link', { name: link.title, exact: true }).first()).toHaveAttribute('href', link.path);
  }
  const contacts = page.locator('section', { has: page.getByRole('heading', { name: 'Osoby do kontaktu' }) });
  for (const contact of partner.contacts) {
    await expect(contacts).toContainText(contact.name);
    if (contact.position) await expect(contacts).toContainText(contact.position);
    if (contact.email) await expect(contacts.getByRole('link', { name: contact.email })).toHaveAttribute('href', `mailto:${contact.email}`);
  }
  const organised = await api(`/api/v2/events/?locale=pl&organiser=${partner.id}&ordering=-start&limit=100`);
  const dates = main.locator('#partner-events ~ ul time');
  await expect(dates).toHaveCount(organised.count);
  await expect(dates.first()).toHaveAttribute('datetime', organised.results[0].start);
  await expectAccessible(page);
  await screenshot(page, 'partner-pl');

  await page.getByRole('link', { name: 'Dobre praktyki tego partnera w wykazie z filtrami' }).click();
  expect(search(page).get('partner')).toBe(String(partner.id));
  const implemented = await api(`/api/v2/practices/?locale=pl&partner=${partner.id}&limit=100`);
  const listed = await cardTitles(page.locator('#results'));
  expect(listed.length).toBeGreaterThan(0);
  expect(listed).toEqual(titles(implemented.results).slice(0, listed.length));
  await expect(page.getByLabel('Partner realizujący')).toHaveValue(String(partner.id));
  expect(foreignRequests).toEqual([]);
});

const BAD_QUERIES = [
  ['practices', 'page=-1', { pl: 'Strona', cs: 'Strana' }],
  ['practices', 'page=99', { pl: 'Strona', cs: 'Strana' }],
  ['practices', 'topic=no-such-topic', { pl: 'Temat', cs: 'Téma' }],
  ['practices', `topic=${'x'.repeat(10_000)}`, { pl: 'Temat', cs: 'Téma' }],
  ['practices', 'agglomeration=atlantis', { pl: 'Aglomeracja', cs: 'Aglomerace' }],
  ['practices', 'country=DE', { pl: 'Kraj', cs: 'Země' }],
  ['practices', 'year_from=abc', { pl: 'Od roku', cs: 'Od roku' }],
  ['practices', 'year_from=2020&year_to=2010', { pl: 'Do roku', cs: 'Do roku' }],
  ['practices', 'partner=999999', { pl: 'Partner realizujący', cs: 'Realizující partner' }],
  ['events', 'type=party', { pl: 'Rodzaj wydarzenia', cs: 'Typ akce' }],
  ['events', `organiser=${'9'.repeat(10_000)}`, { pl: 'Organizator', cs: 'Pořadatel' }],
] as const;

const PROBLEM_TITLE = { pl: 'Nie rozpoznaliśmy części adresu tej strony', cs: 'Části adresy této stránky nerozumíme' };
const ALL_LINK = {
  practices: { pl: 'Pokaż wszystkie dobre praktyki', cs: 'Zobrazit všechny příklady dobré praxe' },
  events: { pl: 'Pokaż wszystkie wydarzenia', cs: 'Zobrazit všechny akce' },
};

for (const locale of ['pl', 'cs'] as const) {
  test(`bad list parameters answer a helpful 400 page in ${locale}, never a 500`, async ({ page, api, request }) => {
    const index = {
      practices: indexOf((await api(`/api/v2/practices/?locale=${locale}&limit=1`)).results[0].path),
      events: indexOf((await api(`/api/v2/events/?locale=${locale}&limit=1`)).results[0].path),
    };
    for (const [list, query, label] of BAD_QUERIES) {
      const response = await page.goto(`${index[list]}?${query}`);
      expect(response?.status(), query.slice(0, 40)).toBe(400);
      expect(response?.headers()['content-type']).toMatch(/^text\/html/);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      const summary = page.locator('section.problems');
      await expect(summary.getByRole('heading')).toHaveText(PROBLEM_TITLE[locale]);
      await expect(summary.getByRole('listitem').first()).toContainText(label[locale]);
      await expect(summary.getByRole('link', { name: ALL_LINK[list][locale] })).toHaveAttribute('href', index[list]);
      expect((await page.content()).length, 'a 10 kB value is not echoed whole').toBeLessThan(60_000);
    }
    // A parameter no list knows (a campaign tag) is ignored, not an error.
    expect((await request.get(`${index.practices}?utm_source=newsletter`)).status()).toBe(200);

    await page.goto(`${index.practices}?topic=no-such-topic&agglomeration=opole`);
    const kept = page.getByRole('link', { name: locale === 'pl' ? 'Pokaż wyniki z pozostałymi filtrami' : 'Zobrazit výsledky s ostatními filtry' });
    await expect(kept).toHaveAttribute('href', `${index.practices}?agglomeration=opole`);
    await expectAccessible(page);
    await screenshot(page, `practices-bad-filter-${locale}`);
    await kept.click();
    expect(page.url()).toContain('agglomeration=opole');
    await expect(page.locator('#results')).toBeVisible();
  });
}
