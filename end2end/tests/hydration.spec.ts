import { expect, Page, test } from "@playwright/test";
import { hydrated, signIn } from "./helpers";

/** Loads each path in full and checks that the page hydrates without errors. */
async function expectHydration(page: Page, paths: string[]) {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  for (const path of paths) {
    errors.length = 0;
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await hydrated(page);
    expect(errors, `${path} hydrates without errors`).toEqual([]);
  }
}

test("storefront pages hydrate", async ({ page }) => {
  await expectHydration(page, [
    "/",
    "/c/knitwear",
    "/it/c/knitwear",
    "/p/slim-merino-roll-neck-sweater",
    "/search?q=coat",
    "/sign-in",
    "/register",
    "/cart",
    "/checkout",
  ]);
});

test("back-office pages hydrate, also inside an area", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, "admin@atelier.example");
  await expect(page).toHaveURL(/\/admin$/);
  await expectHydration(page, [
    "/admin",
    "/admin/orders",
    "/admin/orders/inbox",
    "/admin/orders/AT-300001",
    "/admin/settings",
    "/admin/settings/api-keys",
    "/admin/settings/channels",
    "/admin/inventory",
    "/admin/inventory/stock",
    "/admin/inventory/movements",
    "/admin/inventory/receive",
    "/admin/inventory/transfers",
    "/admin/inventory/low-stock",
    "/admin/inventory/locations",
    "/admin/inventory/locations/WH-MIL",
    "/admin/inventory/fulfilment",
  ]);
});

test("portal and account pages hydrate", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, "buyer@aurora-boutique.example");
  await expect(page).toHaveURL(/\/b2b$/);
  await expectHydration(page, ["/b2b", "/b2b/orders", "/b2b/company", "/account"]);
});

test("shoppers load the storefront's own bundle; the back office opens whole with the full one", async ({ page }) => {
  const bundles: string[] = [];
  page.on("request", (request) => {
    const name = new URL(request.url()).pathname.match(/^\/pkg\/(\w+)\.wasm$/)?.[1];
    if (name) bundles.push(name);
  });
  await page.goto("/c/knitwear");
  await hydrated(page);
  expect(bundles).toEqual(["storefront"]);

  // Signing in as staff leaves the storefront's app for a page it does not carry.
  await page.goto("/sign-in?next=%2Fadmin%2Forders");
  await signIn(page, "admin@atelier.example");
  await expect(page).toHaveURL(/\/admin\/orders$/);
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await hydrated(page);
  expect(bundles).toContain("atelier");
});

test("a form posted before the page was interactive brings its error back, and the page still hydrates", async ({ browser, baseURL }) => {
  // Without JavaScript (as while a slow network still loads the bundle), the
  // post comes back with its error in the address.
  const plain = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const before = await plain.newPage();
  await before.goto("/p/slim-merino-roll-neck-sweater");
  await before.getByRole("button", { name: "Add to bag" }).click();
  await expect(before.getByText("Choose a size.")).toBeVisible();
  const back = before.url();
  expect(back).toContain("__err=");
  await plain.close();

  // The island renders that error in the browser as the server did.
  const page = await browser.newPage({ baseURL });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(back);
  await hydrated(page);
  await expect(page.getByText("Choose a size.")).toBeVisible();
  expect(errors).toEqual([]);
  // And the island works: choosing a size shows its availability.
  const id = await page.locator(".size-input:not([disabled])").first().getAttribute("id");
  await page.locator(`label[for="${id}"]`).click();
  await expect(page.locator(".availability .badge")).toBeVisible();
  await page.close();
});
