// Keystroke-to-totals latency of the portal's size-run grid, measured in the
// browser: for each of N keystrokes into a cell, the time from the input
// event to the style's total showing the new sum.
//
//   BASE_URL=http://127.0.0.1:3200 GRID=/b2b/campaigns/FW27/styles/BENCH-6X8 \
//     node end2end/bench/grid-latency.mjs
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3200";
const grid = process.env.GRID ?? "/b2b/campaigns/FW27/styles/BENCH-6X8";
const user = process.env.BENCH_USER ?? "buyer@aurora-boutique.example";
const rounds = Number(process.env.ROUNDS ?? 500);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage();
await page.goto(`${base}/sign-in?next=${encodeURIComponent(grid)}`);
await page.locator("html[data-hydrated=true]").waitFor({ timeout: 60_000 });
await page.getByLabel("Email").fill(user);
await page.getByLabel("Password", { exact: true }).fill("atelier-demo");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(`**${grid}`);
// Signing in navigates in the page: wait for the grid itself.
await page.locator("input.grid-cell:not([disabled])").first().waitFor({ timeout: 60_000 });

const result = await page.evaluate(async (rounds) => {
  const cells = [...document.querySelectorAll("input.grid-cell:not([disabled])")];
  const styleUnits = document.querySelector("tfoot tr td.num");
  // Leptos runs its effects just after the event handler, so the clock stops
  // when the total's text has changed (a mutation observer sees it first).
  const changed = () =>
    new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(styleUnits, { childList: true, characterData: true, subtree: true });
    });
  const times = [];
  let wrong = 0;
  for (let i = 0; i < rounds; i++) {
    const cell = cells[i % cells.length];
    const before = Number(styleUnits.textContent);
    const old = Number(cell.value || 0);
    const next = (old + 1) % 10;
    const done = changed();
    const t0 = performance.now();
    cell.value = String(next);
    cell.dispatchEvent(new InputEvent("input", { bubbles: true, data: String(next), inputType: "insertText" }));
    const t1 = await done;
    times.push(t1 - t0);
    if (Number(styleUnits.textContent) !== before - old + next) wrong++;
  }
  return { cells: cells.length, times, wrong };
}, rounds);

const sorted = [...result.times].sort((a, b) => a - b);
const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
console.log(`grid cells: ${result.cells}, keystrokes: ${rounds}, totals wrong: ${result.wrong}`);
console.log(`keystroke → totals: p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms`);
await browser.close();
process.exit(result.wrong === 0 ? 0 : 1);
