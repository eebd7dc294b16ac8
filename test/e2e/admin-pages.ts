import { type Page } from 'playwright-core';

/** Opens /admin at `origin` and signs in as an organiser does: the token typed into the form. */
export async function signInToAdmin(page: Page, origin: string, token: string): Promise<void> {
  await page.goto(`${origin}/admin`);
  await page.getByLabel('Organiser token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
