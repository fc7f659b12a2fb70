import { expect, test } from "@playwright/test";
import { hydrated, signIn, uniqueEmail } from "./helpers";

test("a consumer registers, signs out, signs in again and sees the account page", async ({ page }) => {
  const email = uniqueEmail("shopper");
  const password = "a long enough passphrase";

  await page.goto("/register");
  await hydrated(page);
  await page.getByLabel("Full name").fill("Grace Hopper");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Hello, Grace" })).toBeVisible();
  await expect(page.getByRole("main").getByText(email)).toBeVisible();
  await expect(page.getByRole("heading", { name: "No orders yet" })).toBeVisible();

  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Hello, Grace" })).toBeVisible();
});

test("registration shows what is wrong, next to each field", async ({ page }) => {
  await page.goto("/register");
  await hydrated(page);
  await page.getByLabel("Full name").fill("Grace Hopper");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Repeat password").fill("different");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByText("Please enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByText("The two passwords do not match.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/register$/);
});

test("a consumer with past orders sees them in the account", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, "giulia@example.com");
  await expect(page).toHaveURL(/\/account$/);
  const orders = page.getByRole("table");
  await expect(orders.getByRole("row").nth(1)).toContainText("AT-");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signing in still works, and a wrong password says so", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("giulia@example.com");
    await page.getByLabel("Password", { exact: true }).fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");

    await page.getByLabel("Email").fill("giulia@example.com");
    await page.getByLabel("Password", { exact: true }).fill("atelier-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "Hello, Giulia" })).toBeVisible();
  });
});
