/* The site's service worker turned off: written as sw.js when mkdocs.yml says
 * `plansite_worker: false` (plansite/theme/offline.py).
 *
 * A browser that has the old worker checks sw.js again on its next visit and gets this one:
 * it deletes the site's saved copies and unregisters itself. Answering 404 for sw.js would
 * not do it: a browser keeps a worker whose update fails.
 */
"use strict";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  const prefix = "plansite:" + self.registration.scope + ":";
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        const ours = names.filter(function (name) { return name.indexOf(prefix) === 0; });
        return Promise.all(ours.map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.registration.unregister(); })
  );
});
