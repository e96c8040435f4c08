/* The site's search, in the theme's search dialog (overrides/partials/search.html).
   Online it asks Pagefind's chunked index (only what a query needs is downloaded);
   the offline copy loads one script holding every page. Both rank with
   plansite-search-core.js. Also marks the words searched for on the page a result
   leads to (?h=...), and opens the search from a link (?q=...). */
(function () {
  "use strict";
  var core = window.plansiteSearchCore;
  var WINDOW = 20;
  if (!core) return;

  /* On the page a result leads to: mark the words, and bring the first into view. */
  function highlightPage(query) {
    var article = document.querySelector("article.md-content__inner");
    if (!article || !core.parse(query).terms.length) return;
    var nodes = [];
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("script, style, mark, .headerlink")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var q = core.parse(query);
    var only = nodes.some(function (n) { return core.ranges(n.data, q, "phrase").length; })
      ? "phrase" : "words";
    var first = null;
    nodes.forEach(function (node) {
      core.ranges(node.data, q, only).reverse().forEach(function (range) {
        var hit = node.splitText(range[0]);
        hit.splitText(range[1] - range[0]);
        var mark = document.createElement("mark");
        hit.parentNode.replaceChild(mark, hit);
        mark.appendChild(hit);
        first = mark;
      });
    });
    if (first && first.scrollIntoView) first.scrollIntoView({ block: "center" });
  }

  var params = new URLSearchParams(location.search);
  if (params.get("h")) highlightPage(params.get("h"));

  var dialog = document.querySelector("[data-plansite-search]");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var labels = dialog.dataset;
  var form = dialog.querySelector("form");
  var input = dialog.querySelector(".md-search__input");
  var result = dialog.querySelector(".md-search-result");
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  var more = dialog.querySelector(".plansite-search-more");
  var filterBar = dialog.querySelector(".plansite-search-filters");
  var selects = Array.prototype.slice.call(dialog.querySelectorAll("select[data-filter]"));
  /* The site's root, from the page's relative base ("../..") or, on the 404 page, "/". */
  var base = new URL((labels.base || ".").replace(/\/?$/, "/"), location.href);

  /* Results a window at a time: each window is ranked once its pages are loaded. */
  function windowed(items, load, query) {
    var at = 0;
    return {
      total: items.length,
      done: function () { return at >= items.length; },
      next: function () {
        var slice = items.slice(at, at + WINDOW);
        at += slice.length;
        return Promise.all(slice.map(load)).then(function (records) {
          return core.rank(records, query);
        });
      },
    };
  }

  function pagefindBackend() {
    var ready = null;
    function load() {
      if (!ready) {
        ready = import(new URL(labels.bundle, base).href).then(function (pagefind) {
          return pagefind.options({ baseUrl: base.pathname }).then(function () { return pagefind; });
        });
      }
      return ready;
    }
    function record(data) {
      return {
        url: new URL(data.url, location.href).href,
        title: (data.meta && data.meta.title) || data.url,
        plan: (data.meta && data.meta.plan) || "",
        text: core.withoutTokens(data.content || ""),
      };
    }
    var scopes = null;
    function collect(found, items, seen) {
      (found && found.results || []).forEach(function (r) {
        if (!seen.has(r.id)) { seen.add(r.id); items.push(r); }
      });
    }
    return {
      prepare: function () { return load().then(function (pf) { return pf.init(); }); },
      /* The values only (a small file the build writes); Pagefind's own filter index is
         downloaded only when a filter is used. */
      filters: function () {
        if (!scopes) {
          scopes = fetch(new URL(labels.filters, base).href).then(function (r) { return r.json(); });
        }
        return scopes;
      },
      search: function (query, filters) {
        return Promise.all([load(), this.filters()]).then(function (loaded) {
          var pf = loaded[0];
          var q = core.parse(query);
          /* A filter is one more word to ask for: the index puts it on every page in scope. */
          var scope = Object.keys(filters).map(function (key) {
            var value = (loaded[1][key] || {})[filters[key]];
            return value ? " " + value.t : "";
          }).join("");
          var items = [];
          var seen = new Set();
          /* Pages where the syllables stand together first: the index holds the pairs. When
             they are enough to fill the first results, the single words are not asked for. */
          var together = q.cover.length ? pf.search(q.cover.join(" ") + scope) : Promise.resolve(null);
          return together.then(function (found) {
            collect(found, items, seen);
            if (items.length >= WINDOW) return items;
            return pf.search(query + scope).then(function (more) {
              collect(more, items, seen);
              return items;
            });
          }).then(function () {
            return windowed(items, function (r) { return r.data().then(record); }, query);
          });
        });
      },
    };
  }

  function offlineBackend() {
    var ready = null;
    function load() {
      if (!ready) {
        ready = new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = new URL(labels.offlineIndex, base).href;
          script.onload = resolve;
          script.onerror = reject;
          document.head.appendChild(script);
        }).then(function () {
          return (window.plansiteSearchData || []).map(function (r) {
            return { url: new URL(r.u, base).href, title: r.t, plan: r.p, level: r.l, text: r.x };
          });
        });
      }
      return ready;
    }
    function counts(records, key) {
      var out = {};
      records.forEach(function (r) { if (r[key]) out[r[key]] = (out[r[key]] || 0) + 1; });
      return out;
    }
    return {
      prepare: load,
      filters: function () {
        return load().then(function (records) {
          return { cap: counts(records, "level"), "ke-hoach": counts(records, "plan") };
        });
      },
      search: function (query, filters) {
        return load().then(function (records) {
          var q = core.parse(query);
          var typing = !/\s$/.test(query);
          var found = records.filter(function (r) {
            if (filters.cap && r.level !== filters.cap) return false;
            if (filters["ke-hoach"] && r.plan !== filters["ke-hoach"]) return false;
            if (r.folded === undefined) r.folded = core.fold(r.title + " " + r.text);
            return core.matchesAll(r.folded, q, typing);
          });
          var ranked = core.rank(found, query);
          return windowed(ranked, function (r) { return Promise.resolve(r); }, query);
        });
      },
    };
  }

  var backend = labels.plansiteSearch === "offline" ? offlineBackend() : pagefindBackend();
  var prepared = null;
  var sequence = 0;
  var timer = null;
  var current = null;

  function count(n) {
    if (!n) return labels.labelNone;
    return (n === 1 ? labels.labelOne : labels.labelOther).replace("#", String(n));
  }

  function prepare() {
    if (prepared) return prepared;
    prepared = backend.prepare().then(function () { return backend.filters(); }).then(showFilters);
    prepared.catch(function () {
      meta.textContent = labels.labelFailed;
      prepared = null; // offline now, maybe not at the next search: try again then
    });
    return prepared;
  }

  function showFilters(filters) {
    var any = false;
    selects.forEach(function (select) {
      var values = Object.keys((filters && filters[select.dataset.filter]) || {}).sort(function (a, b) {
        return a.localeCompare(b, "vi");
      });
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        select.appendChild(option);
      });
      select.parentElement.hidden = values.length < 2;
      any = any || values.length >= 2;
    });
    filterBar.hidden = !any;
  }

  function chosenFilters() {
    var out = {};
    selects.forEach(function (s) { if (s.value) out[s.dataset.filter] = s.value; });
    return out;
  }

  function item(record, query) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    var target = new URL(record.url);
    target.searchParams.set("h", query);
    link.href = target.href;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    var heading = document.createElement("h1");
    heading.innerHTML = core.marked(record.title, query);
    article.appendChild(icon);
    article.appendChild(heading);
    if (record.plan) {
      var plan = document.createElement("p");
      plan.className = "plansite-search-plan";
      plan.textContent = labels.labelPlan + " " + record.plan;
      article.appendChild(plan);
    }
    var text = record.text;
    if (text.indexOf(record.title) === 0) text = text.slice(record.title.length).replace(/^[.\s]+/, "");
    if (text) {
      var excerpt = document.createElement("p");
      excerpt.innerHTML = core.excerpt(text, query, 200);
      article.appendChild(excerpt);
    }
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function showMore(mine, query) {
    return current.next().then(function (records) {
      if (mine !== sequence) return;
      records.forEach(function (r) { list.appendChild(item(r, query)); });
      more.hidden = current.done();
      result.dataset.query = query;
    });
  }

  function run() {
    var query = input.value;
    var mine = ++sequence;
    delete result.dataset.query;
    if (!core.parse(query).terms.length) {
      list.innerHTML = "";
      more.hidden = true;
      meta.textContent = labels.labelPlaceholder;
      result.dataset.query = query;
      return;
    }
    if (!list.children.length) meta.textContent = labels.labelLoading;
    prepare();
    backend.search(query, chosenFilters()).then(function (found) {
      if (mine !== sequence) return;
      current = found;
      return current.next().then(function (records) {
        if (mine !== sequence) return;
        list.innerHTML = "";
        meta.textContent = count(found.total);
        records.forEach(function (r) { list.appendChild(item(r, query)); });
        more.hidden = current.done();
        result.dataset.query = query;
      });
    }).catch(function () {
      if (mine === sequence) meta.textContent = labels.labelFailed;
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  function open() {
    toggle.checked = true;
    input.focus();
    prepare();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function focusables() {
    return [input].concat(Array.prototype.slice.call(list.querySelectorAll("a")));
  }

  input.addEventListener("focus", function () { if (!toggle.checked) open(); });
  input.addEventListener("input", schedule);
  toggle.addEventListener("change", function () {
    if (toggle.checked) open(); else input.blur();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  selects.forEach(function (s) { s.addEventListener("change", run); });
  more.addEventListener("click", function () { showMore(sequence, input.value); });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (toggle.checked) {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && dialog.contains(active)) {
        var items = focusables();
        var at = items.indexOf(active);
        if (at < 0 && active.tagName === "SELECT") return;
        var next = items[Math.max(0, Math.min(items.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))];
        if (next) { event.preventDefault(); next.focus(); }
      }
      return;
    }
    var typing = active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      open();
    }
  });

  /* A link to a search (?q=...) opens it with its results. */
  if (params.get("q")) {
    input.value = params.get("q");
    open();
    run();
  }
})();
