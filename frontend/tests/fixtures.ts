import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { resolve } from 'node:path';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/frontend');

type Fixtures = {
  api: <T = any>(path: string) => Promise<T>;
  /** Hosts the page asked for other than the frontend and the API: must stay empty. */
  foreignRequests: string[];
};

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => use(process.env.A4B_FRONTEND_URL),
  api: async ({}, use) => {
    await use(async (path: string) => {
      const response = await fetch(new URL(path, process.env.A4B_API_URL));
      expect(response.status, path).toBe(200);
      return response.json();
    });
  },
  foreignRequests: async ({ page }, use) => {
    const allowed = new Set([new URL(process.env.A4B_FRONTEND_URL!).host, new URL(process.env.A4B_API_URL!).host]);
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && !allowed.has(url.host)) foreign.push(request.url());
    });
    await use(foreign);
    expect(foreign, 'requests to third parties').toEqual([]);
  },
});

export { expect };

/** axe with WCAG 2.0/2.1 A and AA, on a phone and a desktop width: the page must have no violations. */
export async function expectAccessible(page: Page) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const violations = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`);
    expect(violations, `axe at ${width} px`).toEqual([]);
  }
}

/** Content pages run one script, the header search box's island, from its own file: nothing else. */
export async function expectOnlySearchBoxScript(page: Page) {
  const scripts = await page
    .locator('script:not([type="application/ld+json"])')
    .evaluateAll((nodes) => nodes.map((node) => ((node as HTMLScriptElement).src ? new URL((node as HTMLScriptElement).src).pathname : 'inline')));
  expect(scripts, 'content pages ship no JavaScript but the search box').toEqual([expect.stringMatching(/^\/_astro\/SearchBox\.[^/]+\.js$/)]);
}

export async function screenshot(page: Page, name: string) {
  for (const [suffix, width] of [['mobile', 360], ['desktop', 1280]] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${suffix}.png`, fullPage: true });
  }
}
