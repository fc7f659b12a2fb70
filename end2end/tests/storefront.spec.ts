import { expect, test } from "@playwright/test";
import { hydrated } from "./helpers";

test("the home page lists categories and featured products from the catalog", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Shop by category" })).toBeVisible();
  const categories = page.getByRole("navigation", { name: "Categories" });
  await expect(categories.getByRole("link", { name: "Knitwear" })).toBeVisible();
  await expect(page.locator(".product-card")).not.toHaveCount(0);
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Outerwear" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outerwear" })).toBeVisible();
});

test("after hydration, the search box suggests products while typing", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  const search = page.getByRole("combobox", { name: "Search products" });
  await search.pressSequentially("meri", { delay: 40 });
  const suggestions = page.getByRole("listbox", { name: "Suggestions" });
  await expect(suggestions).toBeVisible();
  await expect(suggestions.getByRole("option").first()).toContainText(/merino/i);
  await expect(search).toHaveAttribute("aria-expanded", "true");

  // A typo still finds it (trigram similarity).
  await search.fill("");
  await search.pressSequentially("cashmire", { delay: 40 });
  await expect(suggestions.getByRole("option").first()).toContainText(/cashmere/i);

  await search.press("ArrowDown");
  await expect(suggestions.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  const name = (await suggestions.getByRole("option").first().locator(".suggestion-name").textContent()) ?? "";
  await search.press("Enter");
  await expect(page).toHaveURL(/\/p\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

test("after hydration, choosing a colour shows its pictures", async ({ page }) => {
  await page.goto("/c/knitwear");
  await page.locator(".product-card a").first().click();
  await hydrated(page);
  const colours = page.locator(".swatch-button");
  expect(await colours.count()).toBeGreaterThan(1);
  const firstPicture = page.locator(".gallery img").first();
  const before = await firstPicture.getAttribute("src");
  await colours.nth(1).click();
  await expect(page.locator(".swatch-input").nth(1)).toBeChecked();
  await expect(firstPicture).not.toHaveAttribute("src", before ?? "");
});

test("after hydration, a ticked size and a chosen order apply at once, and the focus stays on the control", async ({ page }) => {
  await page.goto("/c/knitwear");
  await hydrated(page);
  await expect(page.getByRole("button", { name: "Sort", exact: true })).toBeHidden();
  const size = () => page.getByRole("group", { name: "Size" }).getByRole("checkbox", { name: /^M\b/ });
  await size().click();
  await expect(page).toHaveURL(/\/c\/knitwear\?(.*&)?size=M/);
  await hydrated(page);
  await expect(size()).toBeChecked();
  await expect(size()).toBeFocused();
  // Empty price boxes stay out of the address.
  expect(page.url()).not.toContain("min=");

  await page.getByLabel("Sort by").selectOption("price-asc");
  await expect(page).toHaveURL(/sort=price-asc/);
  await hydrated(page);
  await expect(page).toHaveURL(/size=M/);
  await expect(page.getByLabel("Sort by")).toBeFocused();
});

test("after hydration, the bag changes in place and the header's count follows", async ({ page }) => {
  await page.goto("/c/knitwear");
  const links = await page.locator(".product-card a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const href of links) {
    await page.goto(href!);
    if ((await page.locator(".size-input:not([disabled])").count()) > 0) break;
  }
  await hydrated(page);
  const id = await page.locator(".size-input:not([disabled])").first().getAttribute("id");
  await page.locator(`label[for="${id}"]`).click();
  await page.getByRole("button", { name: "Add to bag" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");

  await page.goto("/cart");
  await hydrated(page);
  // A mark that a page load would wipe out.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const line = page.locator(".cart-line").first();
  // Choosing a quantity applies it (the "Update" button is for pages without JavaScript).
  await expect(line.getByRole("button", { name: "Update" })).toBeHidden();
  await line.getByLabel("Quantity").selectOption("2");
  await expect(page.getByTestId("cart-count")).toHaveText("2");
  await expect(page.locator(".cart-line-total").first()).not.toHaveText("");
  await line.getByRole("button", { name: /^Remove/ }).click();
  await expect(page.getByText("Your bag is empty")).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("search is a plain form that shows results", async ({ page }) => {
    await page.goto("/");
    const search = page.getByRole("combobox", { name: "Search products" });
    await search.fill("coat");
    await search.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=coat/);
    await expect(page.getByRole("status")).toContainText("results for “coat”");
    await expect(page.getByRole("listbox", { name: "Suggestions" })).toBeHidden();
  });
});
