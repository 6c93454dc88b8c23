import { expect, expectAccessible, expectOnlySearchBoxScript, screenshot, test } from './fixtures';

// The Results page: the demo's figures from /api/v2/stats/, each as a server-drawn chart and a table of the same numbers.

const PATHS = { pl: '/wyniki/', cs: '/cs/vysledky/' } as const;
const WORDS = {
  pl: { title: 'Wyniki', switchTo: 'Čeština', footer: 'Informacje o portalu', withheld: '—' },
  cs: { title: 'Výsledky', switchTo: 'Polski', footer: 'Informace o portálu', withheld: '—' },
} as const;
const TAGS = { pl: 'pl-PL', cs: 'cs-CZ' } as const;

type Cell = { value: number | null; suppressed: boolean };
type Section = {
  key: string;
  title: string;
  kind: 'counts' | 'table';
  rows: { label: string; value?: number | null; suppressed?: boolean }[];
  total: Cell | null;
};

for (const locale of ['pl', 'cs'] as const) {
  test(`the Results page in ${locale} shows every figure of the API, chart and table alike`, async ({ page, api }) => {
    const statistics = await api(`/api/v2/stats/?locale=${locale}`);
    const sections: Section[] = statistics.sections;
    const count = (cell: Cell | { value?: number | null; suppressed?: boolean }) =>
      cell.suppressed || cell.value == null ? WORDS[locale].withheld : new Intl.NumberFormat(TAGS[locale]).format(cell.value);

    const response = await page.goto(PATHS[locale]);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS[locale].title);
    expect(sections.length).toBeGreaterThan(5);

    for (const section of sections) {
      const figure = page.getByRole('figure', { name: section.title });
      await expect(figure).toBeVisible();
      if (section.rows.length === 0) continue;
      const table = figure.getByRole('table', { name: section.title });
      await expect(table.locator('tbody th')).toHaveText(section.rows.map((row) => row.label));
      if (section.kind === 'counts') {
        await expect(table.locator('tbody td:nth-of-type(1)')).toHaveText(section.rows.map((row) => count(row)));
        if (section.total) await expect(table.locator('tfoot td').first()).toHaveText(count(section.total));
      }
      // The chart beside it is a picture of the same numbers, hidden from screen readers.
      await expect(figure.locator('svg')).toHaveAttribute('aria-hidden', 'true');
    }

    // The demo's figures: its practices counted by agglomeration add up to all of them.
    const agglomerations = sections.find((section) => section.key === 'practices_by_agglomeration')!;
    const sum = agglomerations.rows.reduce((total, row) => total + (row.value ?? 0), 0);
    expect(sum).toBe(agglomerations.total!.value);
    expect(sum).toBeGreaterThan(0);

    await expectOnlySearchBoxScript(page);
    await expectAccessible(page);
    await screenshot(page, `results-${locale}`);
  });

  test(`the Results page in ${locale} is linked from the footer and switches to its twin`, async ({ page }) => {
    await page.goto(locale === 'pl' ? '/' : '/cs/');
    await page
      .getByRole('contentinfo')
      .getByRole('navigation', { name: WORDS[locale].footer })
      .getByRole('link', { name: WORDS[locale].title, exact: true })
      .click();
    await expect(page).toHaveURL(new RegExp(`${PATHS[locale]}$`));

    const other = locale === 'pl' ? 'cs' : 'pl';
    await page.getByRole('link', { name: WORDS[locale].switchTo }).click();
    await expect(page).toHaveURL(new RegExp(`${PATHS[other]}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS[other].title);
    await expect(page.locator('html')).toHaveAttribute('lang', other);
  });
}
