// Vietnamese search without tone marks (plansite): "moi truong" finds "môi trường".
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
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
  var url = "__THEME_WORKER__";
  if (typeof document !== "undefined") {
    var self_script = document.querySelector("script[src]");
    if (self_script) url = self_script.src.replace(/[^/]*$/, "") + url;
  }
  var loading = importScripts(url);
  if (loading && typeof loading.then === "function") loading.then(patch); else patch();
})();
