/* Vietnamese search, one definition for the online (Pagefind) and offline (file://) sites:
   folding, syllables, the adjacency tokens the index holds, ranking, excerpts and the
   ranges to mark. plansite/theme/search.py mirrors fold() and tokens(); a test checks
   that Python and this file agree. Runs in browsers and under Node (for that test). */
(function (root) {
  "use strict";

  var MARKS = /[\u0300-\u036f]/g;
  var SYLLABLE = /[\p{L}\p{N}]+/gu;
  /* Sentences end here; commas and dashes do not break a phrase ("trật tự, an toàn"). */
  var BREAK = /[.;:!?\n]/;
  /* What may stand between two syllables of one phrase. */
  var GAP = "[^\\p{L}\\p{N}.;:!?\\n]+";
  /* Index pages end with this sign, then the tokens below; it never reaches the reader. */
  var TOKENS_MARK = "\u2042";
  var cache = Object.create(null);

  function foldChar(ch) {
    var folded = cache[ch];
    if (folded === undefined) {
      folded = ch === "đ" || ch === "Đ" ? "d" : ch.normalize("NFD").replace(MARKS, "").toLowerCase();
      if (folded.length !== ch.length) folded = ch.toLowerCase();
      if (folded.length !== ch.length) folded = ch;
      cache[ch] = folded;
    }
    return folded;
  }

  /* Lower case, no tone or vowel marks, đ → d; one character for one (positions agree). */
  function fold(text) {
    var out = "";
    for (var ch of text.normalize("NFC")) out += foldChar(ch);
    return out;
  }

  function syllables(text) {
    return text.match(SYLLABLE) || [];
  }

  /* The words the index adds to a page: its đ-words folded ("dia" for "địa": the index
     folds tone marks but not đ) and every pair of neighbouring syllables in one
     sentence, folded and joined ("soket" for "sơ kết"), so that adjacency can be found. */
  function tokens(text) {
    var seen = new Set();
    var out = [];
    function add(token) {
      if (!seen.has(token)) { seen.add(token); out.push(token); }
    }
    text.normalize("NFC").split(BREAK).forEach(function (sentence) {
      var words = syllables(sentence.toLowerCase());
      var folded = words.map(fold);
      for (var i = 0; i < words.length; i++) {
        if (words[i].indexOf("đ") >= 0) add(folded[i]);
        if (i > 0) add(folded[i - 1] + folded[i]);
      }
    });
    return out;
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* A query, parsed once: its syllables folded and as typed, and the bigram tokens. */
  function parse(query) {
    var typed = syllables(query.normalize("NFC").toLowerCase());
    var terms = typed.map(fold);
    var pairs = [];
    for (var i = 1; i < terms.length; i++) pairs.push(terms[i - 1] + terms[i]);
    /* Fewer pairs that still cover every syllable ("vesinh antoan thucpham"): each pair
       asked of the index costs one more chunk to download. */
    var cover = pairs.filter(function (_, i) { return i % 2 === 0; });
    if (pairs.length > 1 && pairs.length % 2 === 0) cover.push(pairs[pairs.length - 1]);
    var whole = function (body) {
      return new RegExp("(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])", "gu");
    };
    return {
      text: query,
      terms: terms,
      typed: typed,
      pairs: pairs,
      cover: cover,
      marked: typed.some(function (t, i) { return t !== terms[i]; }),
      phrase: terms.length ? whole(terms.map(escapeRegExp).join(GAP)) : null,
      words: terms.map(function (t) { return whole(escapeRegExp(t)); }),
      pairRes: pairs.map(function (_, i) {
        return whole(escapeRegExp(terms[i]) + GAP + escapeRegExp(terms[i + 1]));
      }),
    };
  }

  /* Whether the syllables of `original` at a match agree with the tone marks typed. */
  function exactAt(original, start, end, q) {
    var found = syllables(original.slice(start, end).toLowerCase());
    if (found.length !== q.typed.length) return false;
    for (var i = 0; i < found.length; i++) {
      if (q.typed[i] !== q.terms[i] && found[i] !== q.typed[i]) return false;
    }
    return true;
  }

  function phraseMatches(folded, original, q, limit) {
    var all = 0, exact = 0, first = -1, m;
    if (!q.phrase) return { all: 0, exact: 0, first: -1 };
    q.phrase.lastIndex = 0;
    while ((m = q.phrase.exec(folded)) && all < limit) {
      all += 1;
      if (first < 0) first = m.index;
      if (q.marked && exactAt(original, m.index, m.index + m[0].length, q)) exact += 1;
    }
    return { all: all, exact: q.marked ? exact : all, first: first };
  }

  function fieldFacts(original, folded, q, limit) {
    var phrase = phraseMatches(folded, original, q, limit);
    var pairs = 0, words = 0;
    q.pairRes.forEach(function (re) { re.lastIndex = 0; if (re.test(folded)) pairs += 1; });
    q.words.forEach(function (re) { re.lastIndex = 0; if (re.test(folded)) words += 1; });
    return { phrase: phrase, pairs: pairs, words: words };
  }

  /* The ranking, the same online and offline. Strongest first: the syllables typed stand
     together in the title, then in the text; tone marks typed match exactly; more of the
     typed neighbours stand together; more of the words are in the title; the phrase
     occurs more often; a shorter page. */
  function score(record, q) {
    var n = q.terms.length;
    if (!n) return 0;
    if (record.foldedTitle === undefined) record.foldedTitle = fold(record.title || "");
    if (record.foldedText === undefined) record.foldedText = fold(record.text || "");
    var title = fieldFacts(record.title || "", record.foldedTitle, q, 5);
    var text = fieldFacts(record.text || "", record.foldedText, q, 50);
    var pairs = Math.max(n - 1, 1);
    var s = 0;
    /* A title that is mostly the words typed is the page about them. */
    if (title.phrase.all) s += 60 + 15 * Math.min(1, n / syllables(record.foldedTitle).length);
    if (text.phrase.all) s += 40;
    if (q.marked && title.phrase.exact) s += 30;
    if (q.marked && text.phrase.exact) s += 20;
    s += 10 * (n > 1 ? text.pairs / pairs : 0) + 10 * (n > 1 ? title.pairs / pairs : 0);
    s += 10 * title.words / n + 5 * text.words / n;
    s += 3 * Math.log2(1 + text.phrase.all) + 3 * Math.log2(1 + text.phrase.exact);
    s -= Math.log10(10 + (record.text || "").length);
    return s;
  }

  /* The address without what differs between the online and offline copies. */
  function pageKey(url) {
    return url.replace(/^[a-z]+:\/\/[^/]*/, "").replace(/(index)?\.html$/, "").replace(/\/$/, "");
  }

  /* Records in ranked order (score, then address: a stable order for equal scores). */
  function rank(records, query) {
    var q = parse(query);
    return records
      .map(function (r) { return { record: r, score: score(r, q), key: pageKey(r.url || "") }; })
      .sort(function (a, b) {
        return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
      })
      .map(function (x) { return x.record; });
  }

  /* Ranges [start, end) of `text` to mark: where the phrase stands, else each word
     (`only`: "phrase" or "words" to ask for one kind). */
  function ranges(text, query, only) {
    var q = typeof query === "string" ? parse(query) : query;
    var folded = fold(text);
    var out = [];
    function collect(re) {
      var m;
      re.lastIndex = 0;
      while ((m = re.exec(folded))) {
        if (!m[0].length) { re.lastIndex += 1; continue; }
        out.push([m.index, m.index + m[0].length]);
      }
    }
    if (q.phrase && only !== "words") collect(q.phrase);
    if (!out.length && only !== "phrase") q.words.forEach(collect);
    out.sort(function (a, b) { return a[0] - b[0]; });
    return out.filter(function (r, i) { return i === 0 || r[0] >= out[i - 1][1]; });
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* `text` as HTML with the matches in <mark>. */
  function marked(text, query) {
    var html = "", at = 0;
    ranges(text, query).forEach(function (r) {
      html += escapeHtml(text.slice(at, r[0])) + "<mark>" + escapeHtml(text.slice(r[0], r[1])) + "</mark>";
      at = r[1];
    });
    return html + escapeHtml(text.slice(at));
  }

  /* About `size` characters of `text` around its first match, as HTML with marks. */
  function excerpt(text, query, size) {
    var found = ranges(text, query);
    var start = found.length ? Math.max(0, found[0][0] - Math.floor(size / 3)) : 0;
    if (start > 0) {
      var space = text.indexOf(" ", start);
      start = space >= 0 && space < found[0][0] ? space + 1 : start;
    }
    var end = Math.min(text.length, start + size);
    if (end < text.length) {
      var cut = text.lastIndexOf(" ", end);
      end = cut > start ? cut : end;
    }
    return (start > 0 ? "… " : "") + marked(text.slice(start, end), query) + (end < text.length ? " …" : "");
  }

  /* Whether every syllable typed is in the record (the last may be half typed). */
  function matchesAll(folded, q, typing) {
    return q.terms.every(function (t, i) {
      if (typing && i === q.terms.length - 1) {
        return new RegExp("(?<![\\p{L}\\p{N}])" + escapeRegExp(t), "u").test(folded);
      }
      var re = q.words[i];
      re.lastIndex = 0;
      return re.test(folded);
    });
  }

  /* The text of an index page without the tokens the index adds. */
  function withoutTokens(content) {
    var at = content.lastIndexOf(TOKENS_MARK);
    return (at >= 0 ? content.slice(0, at) : content).replace(/\s+$/, "");
  }

  var api = {
    fold: fold,
    syllables: syllables,
    tokens: tokens,
    parse: parse,
    score: score,
    rank: rank,
    ranges: ranges,
    marked: marked,
    excerpt: excerpt,
    matchesAll: matchesAll,
    withoutTokens: withoutTokens,
    TOKENS_MARK: TOKENS_MARK,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.plansiteSearchCore = api;
})(this);
