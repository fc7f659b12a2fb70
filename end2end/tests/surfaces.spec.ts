import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("staff reach the back office after signing in, and come back to the page they asked for", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
  await signIn(page, "admin@atelier.example");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("Alessandra Conti")).toBeVisible();
  await expect(page.getByText("Administrator")).toBeVisible();
  const areas = page.getByRole("navigation", { name: "Business areas" });
  await expect(areas.getByRole("link", { name: "Settings" })).toBeVisible();
  await expect(page.getByRole("figure").first()).toContainText("Orders per month");
});

test("the back office shows each role only its own areas", async ({ page }) => {
  await page.goto("/sign-in?next=%2Fadmin%2Finventory");
  await signIn(page, "warehouse@atelier.example");
  await expect(page).toHaveURL(/\/admin\/inventory$/);
  await expect(page.getByRole("heading", { name: "Inventory" })).toBeVisible();
  const areas = page.getByRole("navigation", { name: "Business areas" });
  await expect(areas.getByRole("link", { name: "Inventory" })).toBeVisible();
  await expect(areas.getByRole("link", { name: "Pricing & promotions" })).toHaveCount(0);

  const response = await page.goto("/admin/pricing");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});

test("a consumer who opens the back office gets a 403 page", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, "giulia@example.com");
  await expect(page).toHaveURL(/\/account$/);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("You are signed in as")).toBeVisible();
});

test("a retail buyer sees the portal with their company", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, "buyer@aurora-boutique.example");
  await expect(page).toHaveURL(/\/b2b$/);
  await expect(page.getByText("Boutique Aurora")).toBeVisible();
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Company" }).click();
  await expect(page.getByRole("heading", { name: "Boutique Aurora" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "luca@aurora-boutique.example" })).toBeVisible();
});
