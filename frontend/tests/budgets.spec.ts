import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pagesToMeasure, PAGE_TYPES, type PageRef } from '../scripts/bench/pages';
import { budgetFor, KB, overBudget, weighPage, type Budgets } from '../scripts/bench/weight';
import { expect, test } from './fixtures';

/**
 * The speed budget as a build check: every page type in both languages, fetched from the built server with the
 * demo content, must fit frontend/budgets.json (JavaScript and CSS gzipped, no web fonts). `make bench-frontend`
 * prints the same figures in its table.
 */
const budgets: Budgets = JSON.parse(readFileSync(resolve(import.meta.dirname, '../budgets.json'), 'utf8'));

let pages: PageRef[] = [];
test.beforeAll(async () => {
  pages = await pagesToMeasure(process.env.A4B_API_URL!);
});

for (const type of PAGE_TYPES) {
  test(`${type}: JavaScript, CSS and fonts within budget in pl and cs`, async () => {
    const budget = budgetFor(budgets, type);
    for (const page of pages.filter((candidate) => candidate.type === type)) {
      const weight = await weighPage(new URL(page.path, process.env.A4B_FRONTEND_URL).href);
      test.info().annotations.push({
        type: `${page.locale} ${page.path}`,
        description: `JS ${(weight.js / KB).toFixed(1)} kB (+${(weight.jsOnDemand / KB).toFixed(1)} on demand) of ${budget.jsKb}, CSS ${(weight.css / KB).toFixed(1)} kB of ${budget.cssKb}`,
      });
      expect(overBudget(weight, type, budgets), `${page.locale} ${page.path} over budget`).toEqual([]);
      // The measurement itself found what the page loads: its stylesheets and the search box at least.
      expect(weight.css).toBeGreaterThan(0);
      expect(weight.js).toBeGreaterThan(0);
    }
  });
}
