import { expect, Page } from "@playwright/test";

export const DEMO_PASSWORD = "atelier-demo";

/**
 * Waits until the page is interactive (the app marks <html> when hydrated).
 * The tests run the unoptimised browser bundle on a busy two-core machine,
 * where loading it can take longer than a plain expectation's wait.
 */
export async function hydrated(page: Page) {
  await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1, { timeout: 30_000 });
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await hydrated(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
