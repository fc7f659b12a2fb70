import { expect, test } from "@playwright/test";
import { hydrated, signIn } from "./helpers";

test("a warehouse worker picks, packs with a short pick and ships a request", async ({ page }) => {
  await page.goto("/sign-in?next=%2Fadmin%2Finventory%2Ffulfilment");
  await signIn(page, "warehouse@atelier.example");
  await expect(page).toHaveURL(/\/admin\/inventory\/fulfilment$/);
  await expect(page.getByRole("heading", { name: "Work queue" })).toBeVisible();

  // The oldest submitted request of the worker's warehouse, whichever it is.
  await page
    .getByRole("navigation", { name: "Filter by status" })
    .getByRole("link", { name: /^Submitted/ })
    .click();
  await expect(page).toHaveURL(/status=submitted/);
  const first = page.getByRole("table").getByRole("link").first();
  const number = (await first.textContent())?.trim() ?? "";
  expect(number).toMatch(/^AT-\d+-\d+$/);
  await first.click();
  await expect(page.getByRole("heading", { name: `Request ${number}` })).toBeVisible();
  await hydrated(page);

  await page.getByRole("button", { name: "Start picking" }).click();

  // Pack one unit less than ordered on one line: a short pick.
  const pack = page.getByRole("form", { name: "Pack", exact: true });
  const inputs = pack.getByRole("spinbutton");
  await expect(inputs.first()).toBeVisible();
  const lines: { sku: string; ordered: number; packed: number }[] = [];
  for (let i = 0; i < (await inputs.count()); i++) {
    const input = inputs.nth(i);
    lines.push({
      sku: (await input.getAttribute("data-sku")) ?? "",
      ordered: Number(await input.inputValue()),
      packed: Number(await input.inputValue()),
    });
  }
  expect(lines.length).toBeGreaterThan(0);
  let short = lines.findIndex((line) => line.ordered >= 2);
  if (short < 0) {
    // Only single units: leave one line out altogether (there are several).
    short = 0;
  }
  lines[short].packed = lines[short].ordered - 1;
  await inputs.nth(short).fill(String(lines[short].packed));
  await pack.getByRole("button", { name: "Mark packed" }).click();

  const ship = page.getByRole("form", { name: "Ship", exact: true });
  await expect(ship).toBeVisible();
  await ship.getByLabel("Carrier").selectOption("GLS");
  await ship.getByLabel("Tracking number").fill("GLS123456");
  await ship.getByLabel("Parcels").fill("1");
  await ship.getByRole("button", { name: "Confirm shipment" }).click();

  const progress = page.getByRole("list", { name: "Progress" });
  await expect(progress.locator('[aria-current="step"]')).toContainText("Shipped");
  await expect(page.locator(".page-header .badge")).toHaveText("Shipped");

  const shipment = page.getByRole("region", { name: "Shipment", exact: true });
  await expect(shipment).toContainText("GLS");
  await expect(shipment).toContainText("GLS123456");
  await expect(shipment).toContainText("Walter Riva");

  const movements = page.getByRole("region", { name: "Stock movements" });
  for (const line of lines.filter((l) => l.packed > 0)) {
    await expect(
      movements.getByRole("row").filter({ hasText: line.sku }).filter({ hasText: "Shipment" }),
    ).toHaveCount(1);
  }
  await expect(
    movements.getByRole("row").filter({ hasText: lines[short].sku }).filter({ hasText: "Adjustment" }),
  ).toHaveCount(1);

  // The delivery note now carries the shipment.
  await page.getByRole("link", { name: "Delivery note" }).click();
  await expect(page.getByRole("heading", { name: "Delivery note" })).toBeVisible();
  await expect(page.getByRole("article")).toContainText("GLS123456");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the work queue and a request's pick list still render", async ({ page }) => {
    await page.goto("/sign-in?next=%2Fadmin%2Finventory%2Ffulfilment%3Fstatus%3Dall");
    await page.getByLabel("Email").fill("warehouse@atelier.example");
    await page.getByLabel("Password", { exact: true }).fill("atelier-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/inventory\/fulfilment\?status=all$/);
    const first = page.getByRole("table").getByRole("link").first();
    const number = (await first.textContent())?.trim() ?? "";
    await first.click();
    await expect(page.getByRole("heading", { name: `Request ${number}` })).toBeVisible();
    await page.getByRole("link", { name: "Pick list" }).first().click();
    await expect(page.getByRole("heading", { name: number })).toBeVisible();
    await expect(page.getByRole("table")).toBeVisible();
  });
});
