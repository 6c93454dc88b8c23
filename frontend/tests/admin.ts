import { expect, type Page } from '@playwright/test';

/** Signs in to the CMS admin as one of the demo users (`manage.py prepare_demo`; password from the global setup). */
export async function signIn(page: Page, username: string) {
  const admin = process.env.A4B_API_URL!;
  await page.goto(`${admin}/admin/login/`);
  await page.locator('#id_username').fill(username);
  await page.locator('#id_password').fill(process.env.A4B_DEMO_PASSWORD!);
  await page.locator('form button[type="submit"]').first().click();
  await expect(page).toHaveURL(`${admin}/admin/`);
}

/** Opens a page's edit view in the admin. */
export async function editPage(page: Page, id: number) {
  await page.goto(`${process.env.A4B_API_URL}/admin/pages/${id}/edit/`);
  await expect(page.locator('#id_title')).toBeVisible();
}
