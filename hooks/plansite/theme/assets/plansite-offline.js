/* Readable offline: registers the site's service worker (sw.js, see plansite-sw.js) once the
 * page has loaded, so that it never competes with the page for a slow connection.
 *
 * Only over http(s): the file:// copy has no worker. The script tag carries the worker's
 * address and scope, relative to the page (data-worker, data-scope).
 *
 * On the offline page it also lists the other pages saved on this device, by their titles.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var scope = new URL(script.getAttribute("data-scope"), document.baseURI).href;

  window.addEventListener("load", function () {
    navigator.serviceWorker
      .register(new URL(script.getAttribute("data-worker"), document.baseURI).href, { scope: scope })
      .catch(function () { /* no worker: the site works as before, online */ });
  });

  var section = document.querySelector("[data-saved-pages]");
  if (!section || !window.caches) return;
  var list = section.querySelector("[data-saved-list]");
  var prefix = "plansite:" + scope + ":";
  var linked = {};
  linked[document.baseURI] = true; // this page itself
  // Titles end with " - <the site's name>", as this page's does: the list shows what comes before.
  var own = document.title.indexOf(" - ");
  var siteName = own >= 0 ? document.title.slice(own) : null;
  document.querySelectorAll(".md-content a[href]").forEach(function (a) { linked[a.href] = true; });

  function titled(request) {
    return caches.match(request).then(function (response) {
      if (!response || (response.headers.get("content-type") || "").indexOf("text/html") !== 0) return null;
      return response.text().then(function (html) {
        var title = new DOMParser().parseFromString(html, "text/html").title || request.url;
        if (siteName && title.length > siteName.length && title.slice(-siteName.length) === siteName) {
          title = title.slice(0, -siteName.length);
        }
        return { url: request.url, title: title };
      });
    });
  }

  caches.keys()
    .then(function (names) {
      var ours = names.filter(function (name) { return name.indexOf(prefix) === 0; });
      return Promise.all(ours.map(function (name) {
        return caches.open(name).then(function (cache) { return cache.keys(); });
      }));
    })
    .then(function (lists) {
      var requests = [].concat.apply([], lists).filter(function (request) {
        return !linked[request.url] && request.url !== location.href;
      });
      return Promise.all(requests.map(titled));
    })
    .then(function (pages) {
      pages = pages.filter(Boolean).sort(function (a, b) { return a.title.localeCompare(b.title, "vi"); });
      pages.forEach(function (page) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = page.url;
        link.textContent = page.title;
        item.appendChild(link);
        list.appendChild(item);
      });
      section.hidden = pages.length === 0;
    })
    .catch(function () { /* nothing more to list */ });
})();
