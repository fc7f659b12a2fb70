import { expect, Locator, Page, test } from "@playwright/test";
import { hydrated, signIn } from "./helpers";

// Other specs share the demo database and may move stock at the same time:
// each test picks its own SKU at random from a list and compares with what
// it read itself, never with fixed figures.

const WAREHOUSE = "warehouse@atelier.example";

async function signInAsWarehouse(page: Page, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await signIn(page, WAREHOUSE);
  await expect(page).toHaveURL((url) => url.pathname === next.split("?")[0]);
}

/** A SKU from a random row of the stock list on screen. */
async function pickSku(page: Page): Promise<string> {
  const rows = page.getByRole("table", { name: "Stock balances" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  const row = rows.nth(Math.floor(Math.random() * count));
  return (await row.getByRole("link").first().innerText()).trim();
}

function milanRow(page: Page): Locator {
  return page
    .getByRole("table", { name: "Stock of this SKU per location" })
    .getByRole("row", { name: /WH-MIL/ });
}

const formatted = (n: number) => n.toLocaleString("en-US");

/** On hand at WH-MIL, from the SKU page's table. */
async function onHandInMilan(page: Page): Promise<number> {
  const text = await milanRow(page).getByRole("cell").first().innerText();
  return Number(text.replace(/[^0-9]/g, ""));
}

test("warehouse staff find a SKU, see its availability, count it and find the adjustment", async ({ page }) => {
  await signInAsWarehouse(page, "/admin/inventory/stock?location=WH-MIL&only=available&page=2");
  const sku = await pickSku(page);

  await page.getByLabel("SKU or product").fill(sku);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${sku}`));
  const results = page.getByRole("table", { name: "Stock balances" });
  await expect(results.getByRole("row").nth(1)).toContainText(sku);

  await results.getByRole("link", { name: sku, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/admin/inventory/sku/${sku}$`));
  await expect(page.getByRole("heading", { name: "Availability by location" })).toBeVisible();
  await expect(page.getByText(/^[\d,]+ available now; /)).toBeVisible();
  await expect(milanRow(page)).toBeVisible();
  const before = await onHandInMilan(page);

  await hydrated(page);
  const milan = page.getByRole("region", { name: /WH-MIL/ });
  await milan.getByLabel("Counted quantity").fill(String(before + 3));
  await milan.getByRole("button", { name: "Record count" }).click();
  await expect(page.getByText(`Count recorded at WH-MIL: ${before + 3} counted`)).toBeVisible();
  await expect(page.getByText("On hand adjusted by +3.")).toBeVisible();
  await expect(milanRow(page).getByRole("cell").first()).toHaveText(formatted(before + 3));

  await page.getByRole("navigation", { name: "Inventory sections" }).getByRole("link", { name: "Movements" }).click();
  await expect(page.getByRole("heading", { name: "Movements", level: 1 })).toBeVisible();
  await page.getByLabel("SKU, product or reference").fill(sku);
  await page.getByLabel("Kind").selectOption("adjustment");
  await page.getByRole("button", { name: "Filter" }).click();
  const adjustment = page.getByRole("row").filter({ hasText: sku }).filter({ hasText: "Cycle count" }).first();
  await expect(adjustment).toContainText("Adjustment");
  await expect(adjustment).toContainText("+3");
  await expect(adjustment).toContainText("WH-MIL");
});

test("warehouse staff receive goods at WH-MIL and see the new stock on hand", async ({ page }) => {
  await signInAsWarehouse(page, "/admin/inventory/stock?location=WH-MIL&sort=on_hand&page=3");
  const sku = await pickSku(page);
  await page.goto(`/admin/inventory/sku/${sku}`);
  const before = await onHandInMilan(page);

  await page.getByRole("navigation", { name: "Inventory sections" }).getByRole("link", { name: "Receive" }).click();
  await expect(page.getByRole("heading", { name: "Receive goods", level: 1 })).toBeVisible();
  await hydrated(page);
  const reference = `DN-E2E-${Date.now()}`;
  await page.getByLabel("Location").selectOption("WH-MIL");
  await page.getByLabel("Reference", { exact: true }).fill(reference);
  await page.getByLabel("Row 1 SKU").fill(sku);
  await page.getByLabel("Row 1 quantity").fill("7");
  await page.getByRole("button", { name: "Receive goods" }).click();

  await expect(page).toHaveURL(new RegExp(`/admin/inventory/movements\\?q=${reference}`));
  await expect(page.getByText("Goods received: 7 units.")).toBeVisible();
  const receipt = page.getByRole("row").filter({ hasText: reference });
  await expect(receipt).toHaveCount(1);
  await expect(receipt).toContainText("Receipt");
  await expect(receipt).toContainText("+7");

  await receipt.getByRole("link", { name: sku }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/inventory/sku/${sku}$`));
  await expect(milanRow(page).getByRole("cell").first()).toHaveText(formatted(before + 7));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a receipt with an unknown SKU says which row is wrong and books nothing", async ({ page }) => {
    await page.goto("/sign-in?next=%2Fadmin%2Finventory%2Freceive");
    await page.getByLabel("Email").fill(WAREHOUSE);
    await page.getByLabel("Password", { exact: true }).fill("atelier-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/inventory\/receive$/);

    const reference = `DN-NOJS-${Date.now()}`;
    await page.getByLabel("Reference", { exact: true }).fill(reference);
    await page.getByLabel("Row 2 SKU").fill("NO-SUCH-SKU");
    await page.getByLabel("Row 2 quantity").fill("4");
    await page.getByRole("button", { name: "Receive goods" }).click();

    await expect(page.getByText("Row 2: there is no SKU “NO-SUCH-SKU”.").first()).toBeVisible();
    await expect(page.getByLabel("Row 2 SKU")).toHaveAttribute("aria-invalid", "true");

    await page.goto(`/admin/inventory/movements?q=${reference}`);
    await expect(page.getByRole("heading", { name: "No movements match these filters" })).toBeVisible();
  });
});
