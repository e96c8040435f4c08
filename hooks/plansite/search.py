"""Vietnamese search as people type it: tone marks and đ folded in the index and the query.

Material's search runs lunr in a web worker. We ship a small worker of our own
next to the theme's one (language files load relative to it). It folds each
query before the theme's worker sees it, then loads the theme's worker and adds
the same folding step to the pipeline lunr uses to index pages. Highlighting
uses token positions, so folded matches are still marked in the original text.

The theme's worker file name carries a content hash that changes between
releases, so it is found on disk, never written down here; if it cannot be
found, the build stops rather than silently losing folded search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

WORKERS = "assets/javascripts/workers"
THEME_WORKER = re.compile(r"^search\.[0-9a-f]{8}\.min\.js$")

_SOURCE = """\
// Vietnamese search without tone marks (plansite): "moi truong" finds "môi trường".
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  // Registered before the theme's worker, so the query is folded before it is parsed.
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === 2 && typeof message.data === "string") {
      message.data = fold(message.data);
    }
  });
  function plansiteFold(token) {
    return token.update(function (text) { return fold(text); });
  }
  function patch() {
    lunr.Pipeline.registerFunction(plansiteFold, "plansiteFold");
    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function (doc, attributes) {
      [this.pipeline, this.searchPipeline].forEach(function (pipeline) {
        if (pipeline._stack.indexOf(plansiteFold) < 0) pipeline.add(plansiteFold);
      });
      return add.call(this, doc, attributes);
    };
  }
  // In a real worker importScripts is synchronous; under the offline build's iframe
  // shim it returns a promise, and the theme's worker is ready only when it settles.
  // Under the shim, relative URLs resolve against the page, not this script: build the
  // theme worker's URL from this script's own address.
  var url = "%(theme_worker)s";
  if (typeof document !== "undefined") {
    var self_script = document.querySelector("script[src]");
    if (self_script) url = self_script.src.replace(/[^/]*$/, "") + url;
  }
  var loading = importScripts(url);
  if (loading && typeof loading.then === "function") loading.then(patch); else patch();
})();
"""


class ThemeChanged(Exception):
    """Material's files are not where this integration expects them."""


@dataclass(frozen=True)
class Worker:
    theme_name: str
    name: str
    source: str

    @property
    def path(self) -> str:
        return f"{WORKERS}/{self.name}"


def theme_worker_name() -> str:
    """The file name of Material's search worker in the installed theme."""
    folder = resources.files("material").joinpath("templates", *WORKERS.split("/"))
    names = sorted(p.name for p in folder.iterdir() if THEME_WORKER.match(p.name))
    if len(names) != 1:
        raise ThemeChanged(
            f"Material's search worker was not found exactly once in {folder} (found {names}); "
            "folded Vietnamese search needs updating for this theme version."
        )
    return names[0]


def worker() -> Worker:
    """Our worker, named after the theme's so that a theme upgrade changes both."""
    theme = theme_worker_name()
    digest = theme.split(".")[1]
    return Worker(theme, f"plansite-search.{digest}.js", _SOURCE % {"theme_worker": theme})
