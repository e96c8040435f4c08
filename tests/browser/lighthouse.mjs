// Run Lighthouse (mobile preset) on each URL given, `runs` times, in one Chromium.
// Usage: node tests/browser/lighthouse.mjs RUNS CATEGORIES URL... ; one JSON object per run.
// CATEGORIES is a comma-separated list, e.g. performance or accessibility,best-practices,seo.
// Chromium is Debian's (/usr/bin/chromium or $CHROME_PATH); nothing is downloaded.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const [runs, categories, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
  ],
});
try {
  for (const url of urls) {
    for (let run = 0; run < Number(runs); run++) {
      const result = await lighthouse(url, {
        port: chrome.port, output: "json", logLevel: "error",
        onlyCategories: categories.split(","),
      });
      const lhr = result.lhr;
      const failing = [];
      for (const category of Object.values(lhr.categories)) {
        for (const ref of category.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1 && category.id !== "performance") {
            failing.push(`${category.id}/${ref.id}`);
          }
        }
      }
      const scores = Object.fromEntries(
        Object.values(lhr.categories).map((c) => [c.id, Math.round(c.score * 100)]));
      // Deterministic facts beside the timing score: bytes, DOM size, render-blocking files.
      const audit = (id) => lhr.audits[id] || {};
      const metrics = {
        bytes: audit("total-byte-weight").numericValue ?? null,
        dom: audit("dom-size").numericValue ?? null,
        blocking: (audit("render-blocking-resources").details?.items || []).map((i) => i.url),
      };
      console.log(JSON.stringify({ url, run, scores, failing, metrics }));
    }
  }
} finally {
  await chrome.kill();
}
