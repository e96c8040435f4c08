/* The site's service worker: pages readable with no connection after the first visit.
 *
 * Written by the build as sw.js at the site's root (plansite/theme/offline.py), with SETTINGS
 * filled in: this build's version, the pages saved at install and their assets, the page
 * shown when a page was never saved, and where Workbox's files are.
 *
 * - Network first, always: while the network answers, every page and file is the network's,
 *   so a correction is seen at once. The saved copy is only used when the network fails.
 * - A saved copy of a page carries a visible banner: the page's hidden [data-saved-copy]
 *   element is shown, with the date the copy was saved (the response's Date header).
 * - A page never saved, opened offline, gets the offline page ("Không có kết nối").
 * - Each build has its own cache; when a new build's worker takes over, the old caches go.
 *
 * Workbox's routing and NetworkFirst strategy do the fetching and caching (vendored files,
 * loaded from the site itself: no CDN).
 */
/* global workbox */
"use strict";

const SETTINGS = /* settings */ null;

importScripts(
  SETTINGS.workbox + "workbox-core.prod.js",
  SETTINGS.workbox + "workbox-routing.prod.js",
  SETTINGS.workbox + "workbox-strategies.prod.js"
);

const SCOPE = self.registration.scope;
const PREFIX = "plansite:" + SCOPE + ":";
const CACHE = PREFIX + SETTINGS.version;
const OFFLINE_PAGE = new URL(SETTINGS.offline, SCOPE).href;

function savedDate(response) {
  const date = new Date(response.headers.get("date") || "");
  if (isNaN(date.getTime())) return null;
  const iso = date.toLocaleDateString("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }); // 2026-12-05
  return { iso: iso, shown: iso.split("-").reverse().join("/") }; // 05/12/2026
}

function isPage(response) {
  return (response.headers.get("content-type") || "").indexOf("text/html") === 0;
}

/* The same response with its HTML changed by `edit`. */
async function rewritten(response, edit) {
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  const body = edit(await response.text());
  return new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
}

/* A saved page shows its banner, with the date it was saved. */
function withBanner(response) {
  const date = savedDate(response);
  return rewritten(response, function (html) {
    const time = date
      ? '<time data-saved-date datetime="' + date.iso + '">' + date.shown + "</time>"
      : "<span data-saved-date>(không rõ ngày)</span>";
    return html
      .replace("data-saved-copy hidden", "data-saved-copy")
      .replace("<span data-saved-date></span>", time);
  });
}

const savedCopies = {
  /* One saved copy per address, whatever its query: Pagefind asks for its entry file with a
     new ?ts= each time, and "?q=…" is the home page with a search in it. */
  cacheKeyWillBeUsed: async function ({ request }) {
    const url = new URL(request.url);
    if (!url.search) return request;
    url.search = "";
    return url.href;
  },
  cachedResponseWillBeUsed: async function ({ cachedResponse }) {
    if (!cachedResponse || !isPage(cachedResponse)) return cachedResponse;
    return withBanner(cachedResponse);
  },
};

workbox.routing.registerRoute(
  function ({ request, url }) {
    return request.method === "GET" && url.href.indexOf(SCOPE) === 0;
  },
  new workbox.strategies.NetworkFirst({ cacheName: CACHE, plugins: [savedCopies] })
);

/* Offline, a page never saved: the offline page, its links resolved from where it lives. */
workbox.routing.setCatchHandler(async function ({ request }) {
  if (request.mode !== "navigate") return Response.error();
  const page = await caches.match(OFFLINE_PAGE, { cacheName: CACHE });
  if (!page) return Response.error();
  return rewritten(page, function (html) {
    return html.replace("<head>", '<head><base href="' + OFFLINE_PAGE + '">');
  });
});

self.addEventListener("install", function (event) {
  const requests = SETTINGS.precache.map(function (path) {
    return new Request(new URL(path, SCOPE).href, { cache: "no-cache" });
  });
  event.waitUntil(
    caches
      .open(CACHE)
      .then(function (cache) { return cache.addAll(requests); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        const old = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; });
        return Promise.all(old.map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});
