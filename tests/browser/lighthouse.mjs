// Run Lighthouse 12 (mobile preset, simulated slow 4G) on each URL given, RUNS times, in one
// Chromium. Shared by tests/browser/test_checkers.py and scripts/lighthouse_scores.py.
// Usage: node tests/browser/lighthouse.mjs RUNS WHAT URL... ; prints one JSON object per run.
// WHAT is a comma-separated list of categories (performance, accessibility, best-practices, seo)
// and/or "weight": the audits that count bytes and DOM nodes, without the performance score.
// Chromium is Debian's (/usr/bin/chromium or $CHROME_PATH); nothing is downloaded.
//
// Each line: {url, run, runtimeError, scores, failing, facts, timings}.
//   facts    what does not depend on the machine's speed: bytes transferred, DOM elements, and
//            the files Chromium itself marked render-blocking when it requested them (read from
//            the trace; Lighthouse's render-blocking audit leaves out files that loaded within
//            50 ms, so its list moves with the machine's load);
//   timings  the simulated metrics behind the performance score (milliseconds; CLS unitless);
//   failing  audits below 1 outside the performance category.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const WEIGHT_AUDITS = ["total-byte-weight", "dom-size", "render-blocking-resources"];
const TIMINGS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
  si: "speed-index",
};

const [runs, what, ...urls] = process.argv.slice(2);
const categories = what.split(",").filter((c) => c !== "weight");
const options = {
  onlyCategories: categories,
  onlyAudits: what.split(",").includes("weight") ? WEIGHT_AUDITS : [],
};

function renderBlocking(artifacts) {
  const trace = artifacts.Trace ?? artifacts.traces?.defaultPass;
  const events = trace?.traceEvents ?? [];
  const urls = events
    .filter((e) => e.name === "ResourceSendRequest" && e.args?.data?.renderBlocking === "blocking")
    .map((e) => e.args.data.url);
  return [...new Set(urls)];
}

function failingAudits(lhr) {
  const failing = [];
  for (const category of Object.values(lhr.categories)) {
    if (category.id === "performance") continue;
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        failing.push(`${category.id}/${ref.id}`);
      }
    }
  }
  return failing;
}

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
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", ...options });
      const { lhr, artifacts } = result;
      const audit = (id) => lhr.audits[id] || {};
      const scores = Object.fromEntries(categories.map((id) => {
        const score = lhr.categories[id]?.score ?? null;
        return [id, score === null ? null : Math.round(score * 100)];
      }));
      const facts = {
        bytes: audit("total-byte-weight").numericValue ?? null,
        dom: audit("dom-size").numericValue ?? null,
        blocking: renderBlocking(artifacts),
      };
      const timings = Object.fromEntries(
        Object.entries(TIMINGS).map(([name, id]) => [name, audit(id).numericValue ?? null]));
      const runtimeError = lhr.runtimeError?.code ?? null;
      console.log(JSON.stringify({ url, run, runtimeError, scores, failing: failingAudits(lhr), facts, timings }));
    }
  }
} finally {
  await chrome.kill();
}
