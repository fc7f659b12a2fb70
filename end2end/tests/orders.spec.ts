import { expect, Page, test } from "@playwright/test";
import { hydrated, signIn } from "./helpers";

/** Reloads the order page until its heading shows `status` (the workers run in the background). */
async function waitForStatus(page: Page, status: RegExp) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(status, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

test.describe.configure({ mode: "serial" });

test("customer service approve an order from the inbox and it goes to the warehouse", async ({ page }) => {
  await page.goto("/sign-in?next=%2Fadmin%2Forders%2Finbox");
  await signIn(page, "service@atelier.example");
  await expect(page).toHaveURL(/\/admin\/orders\/inbox$/);
  await hydrated(page);
  const approvals = page.locator("section#approvals");
  const row = approvals.getByRole("row").filter({ hasText: "Order above €1,000" }).first();
  await expect(row).toBeVisible();
  const number = ((await row.getByRole("link").first().textContent()) ?? "").trim();
  expect(number).toMatch(/^AT-\d+$/);
  await row.getByPlaceholder("Comment (optional)").fill("Known customer");
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(approvals.getByRole("link", { name: number })).toHaveCount(0);

  await page.goto(`/admin/orders/${number}`);
  await waitForStatus(page, /Sent to fulfilment/);
  await expect(page.getByRole("cell", { name: "Known customer" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expect(page.locator("ol.timeline")).toContainText("approved");
});

test("staff choose a location for an order routing could not place", async ({ page }) => {
  await page.goto("/sign-in?next=%2Fadmin%2Forders%2Finbox");
  await signIn(page, "service@atelier.example");
  await hydrated(page);
  const row = page.locator("section#routing").getByRole("row").nth(1);
  const number = ((await row.getByRole("link").first().textContent()) ?? "").trim();
  await row.getByRole("link", { name: "Open" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(page.getByRole("heading", { name: "Routing decision" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Rejected" }).first()).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Ship from").selectOption("WH-MIL");
  await page.getByRole("button", { name: "Use this location" }).click();
  // The page reloads the order once the choice is stored; the workers go on from there.
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("Cannot be delivered", { timeout: 20_000 });
  await waitForStatus(page, /Sent to fulfilment/);
  await expect(page.getByRole("heading", { name: /Fulfilment: 1 part/ })).toBeVisible();
  await expect(page.getByText("chosen by staff")).toBeVisible();
});

test("a split order shows its two parts and why each location was chosen, and cancelling its line releases the stock", async ({ page }) => {
  await page.goto("/sign-in?next=%2Fadmin%2Forders");
  await signIn(page, "admin@atelier.example");
  await hydrated(page);
  await page.getByLabel("Channel").selectOption("web");
  await page.getByRole("button", { name: "Filter" }).click();
  const split = page.getByRole("row").filter({ hasText: "WH-MIL, WH-RTM" }).first();
  const number = ((await split.getByRole("link").first().textContent()) ?? "").trim();
  await split.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Fulfilment: 2 parts" })).toBeVisible();
  const reasons = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Verdict" }) });
  await expect(reasons.getByRole("row").filter({ hasText: "Chosen" })).toHaveCount(2);
  await expect(page.locator(".plan-group")).toHaveCount(3);

  // Cancel its only line: the stock held at both warehouses is released.
  await hydrated(page);
  await page.getByLabel("Cancel line 1").check();
  await page.getByLabel("Cancel the ticked lines because").fill("Customer changed their mind");
  await page.getByRole("button", { name: "Cancel lines" }).click();
  await expect(page.locator("ol.timeline")).toContainText("Line 1 cancelled: Customer changed their mind", {
    timeout: 20_000,
  });
  await waitForStatus(page, /Cancelled/);
  await expect(page.locator(".part .badge", { hasText: "cancelled" })).toHaveCount(2);

  // The stock held for it is back: its reservations were released in the ledger.
  await page.goto(`/admin/inventory/movements?q=${number}`);
  await expect(page.getByRole("cell", { name: /release/i }).first()).toBeVisible();
});

test("an administrator changes a channel's routing policy and a bad value is named", async ({ page }) => {
  await page.goto("/sign-in?next=%2Fadmin%2Fsettings%2Fchannels");
  await signIn(page, "admin@atelier.example");
  await expect(page.getByRole("heading", { name: "Sales channels" })).toBeVisible();
  await hydrated(page);
  const store = page.locator("section#store");
  await store.getByLabel("At most this many locations").fill("0");
  await store.getByRole("button", { name: "Save channel" }).click();
  await expect(page.getByText("Use a whole number from 1 to 10.").first()).toBeVisible();
  await store.getByLabel("At most this many locations").fill("2");
  await store.getByLabel("Ship within (days)").fill("5");
  await store.getByRole("button", { name: "Save channel" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved the store channel" })).toBeVisible();
  await page.reload();
  await expect(page.locator("section#store").getByLabel("Ship within (days)")).toHaveValue("5");
});

test("a return goes from request to refund, with a printable label, and its goods come back into stock", async ({ page }) => {
  await page.goto("/sign-in?next=%2Fadmin%2Forders%3Fstatus%3Dshipped");
  await signIn(page, "admin@atelier.example");
  await hydrated(page);
  // The oldest shipped order on the page: one the demo shipped and charged.
  // (A newer one may have been shipped by the fulfilment tests just before.)
  const link = page.locator("table tbody tr").last().locator("td a").first();
  const number = ((await link.textContent()) ?? "").trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(page.getByRole("heading", { name: /^Payment/ })).toContainText("captured");
  await hydrated(page);

  const form = page.getByRole("form", { name: "Create a return" });
  await form.getByLabel("Units of line 1 to return").fill("1");
  await form.getByLabel("Note").fill("Customer wrote in");
  await form.getByRole("button", { name: "Create return" }).click();
  const card = page.getByRole("article", { name: /^Return RMA-/ });
  await expect(card).toContainText("Requested", { timeout: 20_000 });
  const rma = ((await card.getByRole("heading").textContent()) ?? "").match(/RMA-\d+/)?.[0] ?? "";
  expect(rma).toMatch(/^RMA-\d+$/);

  await card.getByRole("button", { name: "Approve and send label" }).click();
  await expect(card).toContainText("Approved, label sent");
  await card.getByRole("link", { name: "Return note and label" }).click();
  await expect(page.getByRole("heading", { name: "Return note" })).toBeVisible();
  await expect(page.getByRole("img", { name: `Barcode of ${rma}` }).locator("svg")).toBeVisible();
  await expect(page.getByRole("img", { name: `QR code of ${rma}` }).locator("svg")).toBeVisible();

  await page.goto(`/admin/orders/${number}`);
  await hydrated(page);
  await card.getByRole("button", { name: "Mark received" }).click();
  await expect(card).toContainText("Received");
  await card.getByRole("button", { name: "Record inspection" }).click();
  await expect(card).toContainText("Inspected");
  await card.getByRole("button", { name: "Refund" }).click();
  await expect(card).toContainText("Refunded");
  await expect(page.locator("ol.timeline")).toContainText(`Return ${rma} closed with its refund`);
  await expect(page.getByRole("heading", { name: /^Payment/ })).toContainText("refunded");

  // Restocked through the ledger, with the return as the reference.
  await page.goto(`/admin/inventory/movements?q=${rma}`);
  await expect(page.getByRole("cell", { name: /return/i }).first()).toBeVisible();
});

test("staff hold and release several orders at once from the desk", async ({ page }) => {
  await page.goto("/sign-in?next=%2Fadmin%2Forders%3Fstatus%3Dsubmitted%26channel%3Dmarketplace");
  await signIn(page, "service@atelier.example");
  await hydrated(page);
  const ticks = page.getByRole("checkbox", { name: /^Tick AT-/ });
  await expect(ticks).toHaveCount(2);
  await ticks.nth(0).check();
  await ticks.nth(1).check();
  await page.getByLabel("With the ticked orders").selectOption("hold");
  await page.getByLabel("Reason").fill("Marketplace paused payouts");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 orders held." })).toBeVisible();
  await expect(page.locator("tbody .badge.status-held")).toHaveCount(2);

  await page.getByRole("checkbox", { name: /^Tick AT-/ }).nth(0).check();
  await page.getByRole("checkbox", { name: /^Tick AT-/ }).nth(1).check();
  await page.getByLabel("With the ticked orders").selectOption("release");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 orders released." })).toBeVisible();
  await expect(page.locator("tbody .badge.status-held")).toHaveCount(0);
});
