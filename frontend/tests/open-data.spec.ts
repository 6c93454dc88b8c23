import { expect, expectAccessible, expectOnlySearchBoxScript, screenshot, test } from './fixtures';

const PATHS = { pl: '/otwarte-dane/', cs: '/cs/otevrena-data/' } as const;
const FOOTER_LINK = { pl: 'Otwarte dane', cs: 'Otevřená data' } as const;
const LANGUAGES = { pl: { pl: 'po polsku', cs: 'po czesku' }, cs: { pl: 'polsky', cs: 'česky' } } as const;

type Text = { '@language': string; '@value': string };
type Dataset = { 'dct:title': Text[]; 'dcat:distribution': { 'dcat:downloadURL': { '@id': string } }[] };

for (const locale of ['pl', 'cs'] as const) {
  test(`the open-data page in ${locale} lists every dataset of the catalogue with downloads that work`, async ({
    page,
    api,
    foreignRequests,
  }) => {
    const catalog = await api('/api/v2/opendata/catalog.jsonld');
    const datasets: Dataset[] = catalog['dcat:dataset'];
    expect(datasets.length).toBeGreaterThanOrEqual(4);

    // Reached from any page's footer, in the page's language.
    await page.goto(locale === 'pl' ? '/' : '/cs/');
    await page.getByRole('contentinfo').getByRole('link', { name: FOOTER_LINK[locale], exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${PATHS[locale]}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(FOOTER_LINK[locale]);
    await expect(page.locator('a[rel="license"]')).toHaveAttribute('href', /creativecommons\.org\/licenses\/by\/4\.0/);

    for (const dataset of datasets) {
      const title = dataset['dct:title'].find((text) => text['@language'] === locale)!['@value'];
      const section = page.getByRole('region', { name: title });
      await expect(section).toBeVisible();
      const links = section.getByRole('link');
      await expect(links).toHaveCount(dataset['dcat:distribution'].length);
      // Each file's link names its format, dataset and language, and downloads from the API.
      const csv = section.getByRole('link', { name: `CSV – ${title} (${LANGUAGES[locale][locale]})` });
      const href = await csv.getAttribute('href');
      expect(href).toMatch(new RegExp(`/api/v2/opendata/[a-z]+/${locale}\\.csv$`));
      const download = await fetch(href!);
      expect(download.status, href!).toBe(200);
      expect(download.headers.get('content-type')).toContain('text/csv');
      expect((await download.text()).split('\n')[0]).toContain('id');
    }

    // The catalogue's address for harvesters, as browsers reach the API.
    await expect(page.getByRole('link', { name: /catalog\.jsonld$/ })).toHaveAttribute('href', `${process.env.A4B_API_URL!.replace(/\/$/, '')}/api/v2/opendata/catalog.jsonld`);

    // The language switch leads to the other language's page.
    const other = locale === 'pl' ? 'cs' : 'pl';
    await expect(page.locator(`link[rel="alternate"][hreflang="${other}"]`)).toHaveAttribute('href', new RegExp(`${PATHS[other]}$`));

    await expectOnlySearchBoxScript(page);
    await expectAccessible(page);
    await screenshot(page, `open-data-${locale}`);
    expect(foreignRequests).toEqual([]);
  });
}
