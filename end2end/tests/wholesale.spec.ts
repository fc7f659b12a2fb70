import { test, expect, Page } from "@playwright/test";
import { hydrated, signIn } from "./helpers";

// One story, in order: a retailer's buyer pre-orders in the FW27 campaign,
// the sales desk sees it, and staff close and confirm the campaign so that
// the pre-order becomes an order in the order desk.
test.describe.configure({ mode: "serial" });

const STYLE = "KN-1002"; // Fine-Gauge Cashmere V-Neck Sweater, sizes XS–XL, €157.50 at the standard list
const BUYER = "buyer@casa-olivo.example";

async function openGrid(page: Page) {
  await page.goto(`/b2b/campaigns/FW27/styles/${STYLE}`);
  await hydrated(page);
}

const styleUnits = (page: Page) => page.locator("tfoot tr").first().locator("td.num").first();

test("a buyer fills the grid with the keyboard, meets the minimums and submits", async ({ page }) => {
  await page.goto("/sign-in?next=/b2b");
  await signIn(page, BUYER);
  await page.waitForURL("**/b2b");
  await expect(page.getByRole("heading", { name: "Autumn/Winter 2027" })).toBeVisible();

  // The line sheet lists the style with the company's prices and margin.
  await page.goto("/b2b/campaigns/FW27?category=Knitwear");
  const card = page.locator(".style-card", { hasText: STYLE });
  await expect(card).toContainText("€157.50");
  await expect(card).toContainText("%");

  // Keyboard only: type, arrow right, type; totals follow every keystroke.
  await openGrid(page);
  const first = page.locator("#cell-0-0");
  await first.focus();
  await page.keyboard.type("1");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("#cell-0-1")).toBeFocused();
  await page.keyboard.type("1");
  await expect(styleUnits(page)).toHaveText("2");
  await expect(page.locator(".save-status")).toHaveText("Saved", { timeout: 15_000 });

  // Two units are below the minimum per style: the pre-order says so, by style.
  await page.goto("/b2b/orders");
  await page.locator("table a", { hasText: "PO-" }).first().click();
  await hydrated(page);
  await expect(page.getByText(`(${STYLE}): 2 units ordered, the minimum per style is 6`)).toBeVisible();
  await page.getByRole("button", { name: "Submit pre-order" }).click();
  await expect(page.getByRole("alert").filter({ hasText: STYLE }).first()).toBeVisible();
  const preOrderUrl = page.url();

  // A prepack fills the row: 1-2-2-2-1 × 2 = 16 units, €2,520.
  await openGrid(page);
  await page.getByLabel(/Prepack ratio for/).first().fill("1-2-2-2-1");
  await page.getByLabel(/Packs of/).first().fill("2");
  await page.getByRole("button", { name: "Fill row" }).first().click();
  await expect(styleUnits(page)).toHaveText("16");
  await expect(page.locator(".save-status")).toHaveText("Saved", { timeout: 15_000 });

  await page.goto(preOrderUrl);
  await hydrated(page);
  await page.getByRole("button", { name: "Submit pre-order" }).click();
  await expect(page.getByText("Submitted", { exact: false }).first()).toBeVisible();
  await expect(page.locator(".badge", { hasText: "Submitted" }).first()).toBeVisible();

  // Still editable until the campaign closes: one more unit of XS.
  await openGrid(page);
  await page.locator("#cell-0-0").fill("3");
  await expect(styleUnits(page)).toHaveText("17");
  await expect(page.locator(".save-status")).toHaveText("Saved", { timeout: 15_000 });
  await page.goto(preOrderUrl);
  await expect(page.getByText("Edited after submitting").first()).toBeVisible();
});

test("the sales desk sees it; staff close and confirm, and the order reaches the order desk", async ({ page }) => {
  await page.goto("/sign-in?next=/admin/wholesale/campaigns/FW27/desk");
  await signIn(page, "admin@atelier.example");
  await page.waitForURL("**/desk");
  const row = page.locator("tr", { hasText: "Casa Olivo" });
  await expect(row).toContainText("17");
  await expect(row).toContainText("Submitted");

  await page.goto("/admin/wholesale/campaigns/FW27");
  await hydrated(page);
  await page.getByRole("button", { name: "Close" }).click();
  await expect(page.locator(".badge", { hasText: "Closed" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Confirm pre-orders" }).click();
  const outcome = page.getByText(/Campaign confirmed: \d+ pre-orders confirmed/);
  await expect(outcome).toBeVisible({ timeout: 20_000 });
  const number = ((await outcome.textContent()) ?? "").match(/AT-\d+/)?.[0];
  expect(number).toBeTruthy();

  await page.goto(`/admin/orders?q=${number}`);
  await expect(page.getByRole("link", { name: number! })).toBeVisible();
});
