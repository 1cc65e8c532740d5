/* kg explorer, part 0: the index of every entity, decoded from the columns kg/viz/explorer_pack.py writes
   (typed arrays, no object per entity), lazy blocks parsed on first use, and search over the whole index.
   KG.data.nodes / .edges / .articles rebuild the per-entity dicts of explorer_data.collect on demand (tests). */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var raw = JSON.parse($("kg-data").textContent);
  var KG = window.KG = {$: $, raw: raw};
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", VAL = new Int8Array(128);
  for (var d = 0; d < 64; d++) { VAL[DIGITS.charCodeAt(d)] = d; }
  function ints(text, count) {  // varints -> Int32Array (count: how many values, when known)
    var out = new Int32Array(count === undefined ? text.length : count), k = 0, v = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var x = VAL[text.charCodeAt(i)];
      v |= (x & 31) << shift;
      if (x & 32) { shift += 5; } else { out[k++] = v; v = 0; shift = 0; }
    }
    return count === undefined ? out.slice(0, k) : out;
  }
  function codes(text) { var out = new Uint8Array(text.length); for (var i = 0; i < text.length; i++) { out[i] = VAL[text.charCodeAt(i)]; } return out; }
  KG.ints = ints;

  // ---------------------------------------------------------------- entities: names, classes, rank, articles
  var N = raw.n, A = raw.nArticles, names = raw.names, clsList = raw.clsList, cls = codes(raw.cls);
  var byRank = ints(raw.order, N), rankPos = new Int32Array(N);
  for (var r = 0; r < N; r++) { rankPos[byRank[r]] = r; }
  var artStart = new Int32Array(N + 1), artN = ints(raw.artN, N);
  for (var i = 0; i < N; i++) { artStart[i + 1] = artStart[i] + artN[i]; }
  var artIds = ints(raw.arts, artStart[N]);
  for (i = 0; i < N; i++) { for (var j = artStart[i] + 1; j < artStart[i + 1]; j++) { artIds[j] += artIds[j - 1]; } }
  var entStart = new Int32Array(A + 1), entIds = new Int32Array(artStart[N]);  // article -> entities (ids ascending)
  for (j = 0; j < artIds.length; j++) { entStart[artIds[j] + 1]++; }
  for (j = 0; j < A; j++) { entStart[j + 1] += entStart[j]; }
  var fill = entStart.slice(0, A);
  for (i = 0; i < N; i++) { for (j = artStart[i]; j < artStart[i + 1]; j++) { entIds[fill[artIds[j]]++] = i; } }
  var aliasOf = ints(raw.aliasOf, raw.aliases.length), aliasStart = new Int32Array(N + 1);
  for (j = 1; j < aliasOf.length; j++) { aliasOf[j] += aliasOf[j - 1]; }
  for (j = 0; j < aliasOf.length; j++) { aliasStart[aliasOf[j] + 1]++; }
  for (i = 0; i < N; i++) { aliasStart[i + 1] += aliasStart[i]; }
  var top = new Uint8Array(N);
  for (r = 0; r < raw.nTop; r++) { top[byRank[r]] = 1; }
  var xy = {};
  raw.view.forEach(function (id, k) { xy[id] = raw.xy[k]; });

  // ---------------------------------------------------------------- relations: ends, types, adjacency
  var E = raw.eRel.length, eFrom = ints(raw.eFrom, E), eTo = ints(raw.eTo, E), eRel = codes(raw.eRel);
  var adjStart = new Int32Array(N + 1), adjEdge = new Int32Array(2 * E);
  for (var k = 0; k < E; k++) { adjStart[eFrom[k] + 1]++; adjStart[eTo[k] + 1]++; }
  for (i = 0; i < N; i++) { adjStart[i + 1] += adjStart[i]; }
  var at = adjStart.slice(0, N);
  for (k = 0; k < E; k++) { adjEdge[at[eFrom[k]]++] = k; adjEdge[at[eTo[k]]++] = k; }

  // ---------------------------------------------------------------- articles: dates (ascending: the ids are in date order)
  var dates = raw.dates, artDate = ints(raw.artDate, A);  // 0: no date, else 1 + index into dates

  // ---------------------------------------------------------------- lazy blocks
  var blocks = {};
  function lazy(name) {
    if (!(name in blocks)) { var s = $("kg-lazy-" + name); blocks[name] = s ? JSON.parse(s.textContent) : null; }
    return blocks[name];
  }
  var noDetails = {};
  var ix = KG.ix = {
    N: N, A: A, E: E, byRank: byRank, rankPos: rankPos, dates: dates, lazy: lazy,
    name: function (i) { return names[i]; },
    label: function (i) { var s = names[i]; return s.length <= 24 ? s : s.slice(0, 23) + "…"; },
    cls: function (i) { return clsList[cls[i]]; },
    n: function (i) { return artStart[i + 1] - artStart[i]; },
    arts: function (i) { return artIds.subarray(artStart[i], artStart[i + 1]); },
    ents: function (a) { return entIds.subarray(entStart[a], entStart[a + 1]); },
    aliases: function (i) { return raw.aliases.slice(aliasStart[i], aliasStart[i + 1]); },
    top: function (i) { return top[i] === 1; },
    xy: function (i) { return xy[i]; },
    details: function (i) { return (lazy("details") || {})[i] || noDetails; },
    iri: function (i) { return raw.base + lazy("iri")[i]; },
    adj: function (i) {  // typed relations of i: [[other, edge], ...]
      var out = [];
      for (var q = adjStart[i]; q < adjStart[i + 1]; q++) { var e = adjEdge[q]; out.push([eFrom[e] === i ? eTo[e] : eFrom[e], e]); }
      return out;
    },
    degree: function (i) { return adjStart[i + 1] - adjStart[i]; },
    edge: function (e) { return {from: eFrom[e], to: eTo[e], rel: raw.relList[eRel[e]]}; },
    ev: function (e) {  // [[sentence, confidence, extractor, article, roles], ...]
      var V = lazy("ev");
      return V.rows[e].map(function (r) { return [V.s[r[0]], r[1], V.x[r[2]]].concat(r.slice(3)); });
    },
    head: function (a) { return lazy("heads")[a]; },
    date: function (a) { return artDate[a] ? dates[artDate[a] - 1] : ""; },
    dateIndex: function (a) { return artDate[a] - 1; },
    text: function (a) {  // {t, m} of article a, or null when the page carries no text
      var T = lazy("text");
      return T && T.t[a] ? {t: T.t[a], m: spans(T, a)} : null;
    },
    article: function (a) {  // {h, d, u, src, t, m}: the article view's data
      var L = lazy("links"), T = lazy("text"), srcIx = L.srcIx || (L.srcIx = ints(L.src, A));
      var out = {h: ix.head(a), d: ix.date(a), u: L.u[a], src: srcIx[a] ? L.sources[srcIx[a] - 1] : ""};
      if (T && T.t[a]) { out.t = T.t[a]; out.m = spans(T, a); }
      return out;
    }
  };
  function spans(T, a) {
    T.spans = T.spans || [];
    if (!T.spans[a]) { var f = ints(T.m[a]), out = []; for (var q = 0; q + 2 < f.length; q += 3) { out.push([f[q], f[q + 1], f[q + 2]]); } T.spans[a] = out; }
    return T.spans[a];
  }

  // ---------------------------------------------------------------- search: names, aliases, headlines
  // One lower-cased string per column (NUL after each entry) searched with indexOf; a hit's entry is found by
  // binary search over the entries' starts. Built once, on the first search (or when the page is idle): one join
  // and one toLowerCase for the column, entry by entry only if lower-casing changed a length or an entry holds NUL.
  var text = null;
  function joined(list) {
    var starts = new Int32Array(list.length + 1), q;
    for (q = 0; q < list.length; q++) { starts[q + 1] = starts[q] + list[q].length + 1; }
    var s = (list.join("\0") + "\0").toLowerCase(), seps = 0;
    for (var at = s.indexOf("\0"); at >= 0; at = s.indexOf("\0", at + 1)) { seps++; }
    if (s.length !== starts[list.length] || seps !== list.length) {
      var parts = new Array(list.length);
      for (q = 0; q < list.length; q++) { parts[q] = list[q].toLowerCase().replace(/\0/g, " "); starts[q + 1] = starts[q] + parts[q].length + 1; }
      s = parts.join("\0") + "\0";
    }
    return {s: s, starts: starts};
  }
  function entryAt(col, pos) {
    var lo = 0, hi = col.starts.length - 2;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (col.starts[mid] <= pos) { lo = mid; } else { hi = mid - 1; } }
    return lo;
  }
  function each(col, q, fn) {  // fn(entry, exact) for every entry containing q, in entry order, once each
    var pos = col.s.indexOf(q);
    while (pos >= 0) {
      var k = entryAt(col, pos);
      fn(k, pos === col.starts[k] && col.starts[k] + q.length + 1 === col.starts[k + 1]);
      pos = col.s.indexOf(q, col.starts[k + 1]);  // a query holds no NUL: on to the next entry
    }
  }
  ix.prepareSearch = function () {
    if (!text) { text = {names: joined(names), aliases: joined(raw.aliases), heads: joined(lazy("heads"))}; }
    return text;
  };
  /* [score, -articles, name length, id, alias, "e"] for entities (0 name, 1 alias exact; 2 name, 3 alias
     contains), then [4, 0, 0, article, null, "a"] for headlines, latest first; at most limit. */
  ix.find = function (q, limit) {
    q = (q || "").replace(/\0/g, "");
    if (!q) { return []; }
    var t = ix.prepareSearch(), score = {}, via = {};
    each(t.names, q, function (i, exact) { score[i] = exact ? 0 : 2; });
    each(t.aliases, q, function (k, exact) {
      var i = aliasOf[k], s = exact ? 1 : 3;
      if (score[i] === undefined || s < score[i]) { score[i] = s; via[i] = raw.aliases[k]; }
    });
    var out = Object.keys(score).map(function (key) { var i = +key;
      return [score[i], -ix.n(i), names[i].length, i, via[i] === undefined ? null : via[i], "e"]; });
    out.sort(function (x, y) { for (var c = 0; c < 4; c++) { if (x[c] !== y[c]) { return x[c] < y[c] ? -1 : 1; } } return 0; });
    out = out.slice(0, limit);
    if (out.length < limit) {
      var found = [];
      each(t.heads, q, function (a) { found.push(a); });
      for (var h = found.length - 1; h >= 0 && out.length < limit; h--) { out.push([4, 0, 0, found[h], null, "a"]); }
    }
    return out;
  };

  // ---------------------------------------------------------------- the dicts of explorer_data.collect, on demand
  function node(i) {
    var n = {id: i, iri: lazy("iri")[i], name: names[i], cls: ix.cls(i), arts: Array.from(ix.arts(i)), n: ix.n(i)};
    var al = ix.aliases(i), det = ix.details(i);
    if (al.length) { n.aliases = al; }
    ["kind", "code", "level", "posts"].forEach(function (key) { if (det[key] !== undefined) { n[key] = det[key]; } });
    if (top[i]) { n.top = 1; }
    if (xy[i]) { n.x = xy[i][0]; n.y = xy[i][1]; }
    return n;
  }
  var data = KG.data = {base: raw.base, view: raw.view, comm: raw.comm, palette: raw.palette, classes: raw.classes,
                        rels: raw.rels, options: raw.options, coTop: raw.coTop, texts: raw.texts, large: raw.large};
  var cache = {};
  function later(key, make) { Object.defineProperty(data, key, {get: function () { return cache[key] || (cache[key] = make()); }}); }
  later("nodes", function () { var out = []; for (var q = 0; q < N; q++) { out.push(node(q)); } return out; });
  later("edges", function () { var out = []; for (var e = 0; e < E; e++) { var x = ix.edge(e); x.ev = ix.ev(e); out.push(x); } return out; });
  later("articles", function () {
    var out = [], L = lazy("links");
    for (var a = 0; a < A; a++) { var x = ix.article(a); x.iri = L.iri[a]; if (!x.u) { delete x.u; } if (!x.src) { delete x.src; } out.push(x); }
    return out;
  });
})();
