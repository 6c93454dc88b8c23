import { createServer } from 'node:net';
import { expect, expectAccessible, test } from './fixtures';
import { spawnPortal } from './portal-server';

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

test('with the API unreachable, a page answers 503 with Retry-After in its language', async ({ page }) => {
  const [port, deadApiPort] = [await freePort(), await freePort()];
  const portal = spawnPortal({ HOST: '127.0.0.1', PORT: String(port), API_URL: `http://127.0.0.1:${deadApiPort}` });
  try {
    const url = `http://127.0.0.1:${port}/cs/akce/`;
    await expect.poll(() => fetch(url).then((r) => r.status).catch(() => 0), { timeout: 20_000 }).toBe(503);
    const response = await page.goto(url);
    expect(response?.status()).toBe(503);
    expect(response?.headers()['retry-after']).toBe('60');
    await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Služba je dočasně nedostupná');
    expect(await page.content()).not.toContain('ApiUnavailable');
    await expectAccessible(page);
  } finally {
    portal.kill();
  }
});
