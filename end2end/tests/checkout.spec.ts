import { expect, Page, test } from "@playwright/test";
import { DEMO_PASSWORD, hydrated, uniqueEmail } from "./helpers";

const GOOD_CARD = "4242 4242 4242 4242";
const DECLINED_CARD = "4000 0000 0000 0002";

/** Picks the `n`-th size that can be ordered in the chosen colour and adds it. */
async function addSize(page: Page, n: number) {
  const sizes = page.locator(".size-input:not([disabled])");
  expect(await sizes.count()).toBeGreaterThan(n);
  const id = await sizes.nth(n).getAttribute("id");
  await page.locator(`label[for="${id}"]`).click();
  await expect(page.locator(".availability .badge")).toBeVisible();
  await page.getByRole("button", { name: "Add to bag" }).click();
}

async function fillCheckout(page: Page, card: string, email?: string) {
  if (email) await page.getByLabel("Email").fill(email);
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Street and number").fill("Via Roma 1");
  await page.getByLabel("Postal code").fill("20121");
  await page.getByLabel("City").fill("Milano");
  await page.getByLabel("Country").selectOption("IT");
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Name on card").fill("Ada Lovelace");
}

/** Opens the first product of the current list with at least `sizes` orderable sizes (demo stock varies by style). */
async function openOrderable(page: Page, sizes = 1, javaScript = true) {
  const links = await page.locator(".product-card a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const href of links) {
    await page.goto(href!);
    if ((await page.locator(".size-input:not([disabled])").count()) >= sizes) break;
  }
  if (javaScript) await hydrated(page);
}

async function openProduct(page: Page, category = "knitwear") {
  await page.goto(`/c/${category}`);
  await openOrderable(page);
}

test("a guest searches with a typo, filters by size, adds two sizes and pays with the test card", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  const search = page.getByRole("combobox", { name: "Search products" });
  await search.fill("cashmire");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=cashmire/);
  await expect(page.locator(".product-card").first()).toContainText(/cashmere/i);

  await hydrated(page);
  await page.getByRole("group", { name: "Size" }).getByRole("checkbox", { name: /^M\b/ }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/size=M/);
  await openOrderable(page, 2);
  await expect(page).toHaveURL(/\/p\//);

  await addSize(page, 0);
  await expect(page.getByRole("status").filter({ hasText: "to your bag" })).toBeVisible();
  await addSize(page, 1);
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  await page.locator(".cart-link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Shopping bag" })).toBeVisible();
  await expect(page.locator(".cart-line")).toHaveCount(2);
  await page.getByRole("link", { name: "Check out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await hydrated(page);
  await fillCheckout(page, GOOD_CARD, uniqueEmail("guest"));
  await page.getByLabel(/Express delivery/).check();
  await expect(page.getByTestId("checkout-total")).not.toHaveText("");
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page).toHaveURL(/\/checkout\/thank-you\//);
  await expect(page.getByTestId("order-number")).toHaveText(/^AT-\d+$/);
  await expect(page.getByTestId("ship-date")).toHaveCount(2);
  await expect(page.getByTestId("ship-date").first()).not.toHaveText("To be confirmed");
  await expect(page.getByTestId("cart-count")).toHaveCount(0);
});

test("a declined card shows an error and makes no order; a customer then pays, follows and cancels it", async ({ page }) => {
  const email = uniqueEmail("shopper");
  await page.goto("/register");
  await hydrated(page);
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel("Repeat password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account/);

  await openProduct(page, "outerwear");
  await addSize(page, 0);
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.goto("/checkout");
  await hydrated(page);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await fillCheckout(page, DECLINED_CARD);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.locator("#field-card_number-error")).toContainText("The card was declined");
  await expect(page.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/checkout$/);

  await page.goto("/account");
  await expect(page.getByText("No orders yet")).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("1");

  await page.goto("/checkout");
  await hydrated(page);
  await fillCheckout(page, GOOD_CARD);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/checkout\/thank-you\//);
  const number = (await page.getByTestId("order-number").textContent()) ?? "";

  await page.getByRole("link", { name: "Follow it in your account" }).click();
  await page.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Order ${number}` })).toBeVisible();
  const tracking = page.getByTestId("tracking");
  await expect(tracking.locator(".tracking-step.done")).toHaveCount(2);
  await expect(tracking).toContainText("Ordered");
  await expect(tracking).toContainText("Confirmed");

  await hydrated(page);
  const cancel = page.getByRole("region", { name: "Cancel items" });
  await cancel.getByRole("checkbox").first().check();
  await cancel.getByRole("button", { name: "Cancel the ticked items" }).click();
  await expect(tracking.locator(".tracking-step").last()).toContainText("Cancelled");
  await expect(page.getByRole("region", { name: "Returns and cancellations" })).toContainText("Cancellation");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a guest adds to the bag and checks out with plain forms", async ({ page }) => {
    await page.goto("/c/knitwear");
    await openOrderable(page, 1, false);
    const id = await page.locator(".size-input:not([disabled])").first().getAttribute("id");
    await page.locator(`label[for="${id}"]`).click();
    await page.getByRole("button", { name: "Add to bag" }).click();
    await expect(page).toHaveURL(/\/cart$/);
    await expect(page.locator(".cart-line")).toHaveCount(1);
    await expect(page.getByTestId("cart-count")).toHaveText("1");

    await page.getByRole("link", { name: "Check out" }).click();
    await fillCheckout(page, GOOD_CARD, uniqueEmail("nojs"));
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page).toHaveURL(/\/checkout\/thank-you\//);
    await expect(page.getByTestId("order-number")).toHaveText(/^AT-\d+$/);

    // Back and submit again: the bag is empty now, so no second order.
    await page.goto("/checkout");
    await expect(page.getByText("Your bag is empty")).toBeVisible();
  });
});

test("the storefront works in Italian, from the language switch to the confirmation", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("group", { name: "Language" }).getByRole("link", { name: "Italiano" }).click();
  await expect(page).toHaveURL(/\/it$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByRole("navigation", { name: "Categorie" })).toBeVisible();

  await page.getByRole("navigation", { name: "Categorie" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/it\/c\//);
  await expect(page.locator(".product-card a").first()).toHaveAttribute("href", /^\/it\/p\//);
  await openOrderable(page);
  // Prices as Italians write them: 1.290,00 €.
  await expect(page.locator(".price")).toContainText(/\d,\d\d\s€/);
  await expect(page.locator(".price")).toContainText("IVA inclusa");
  const id = await page.locator(".size-input:not([disabled])").first().getAttribute("id");
  await page.locator(`label[for="${id}"]`).click();
  await page.getByRole("button", { name: "Aggiungi alla borsa" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Aggiunto alla borsa" })).toBeVisible();

  await page.getByRole("link", { name: /^Borsa, 1 articolo/ }).click();
  await expect(page).toHaveURL(/\/it\/cart$/);
  await expect(page.getByRole("heading", { level: 1, name: "Borsa" })).toBeVisible();
  await page.getByRole("link", { name: "Procedi all'acquisto" }).click();
  await expect(page).toHaveURL(/\/it\/checkout$/);
  await hydrated(page);
  await page.getByLabel("Email").fill(uniqueEmail("italia"));
  await page.getByLabel("Nome e cognome").fill("Giulia Rossi");
  await page.getByLabel("Via e numero civico").fill("Via Manzoni 3");
  await page.getByLabel("CAP").fill("20121");
  await page.getByLabel("Città").fill("Milano");
  await page.getByLabel("Numero della carta").fill(GOOD_CARD);
  await page.getByLabel("Titolare della carta").fill("Giulia Rossi");
  await page.getByRole("button", { name: "Conferma l'ordine" }).click();
  await expect(page).toHaveURL(/\/it\/checkout\/thank-you\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("è confermato");
  await expect(page.getByText("IVA inclusa (22%)")).toBeVisible();

  // The account pages speak Italian too.
  await page.goto("/it/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Accedi" })).toBeVisible();
});
