/* kg explorer, part 2: the side panel (entity, relation, article), search, shortest path, PNG and CSV export.
   Entities, relations and articles are read through the index of part 0 (KG.ix); evidence, headlines and
   texts come from its lazy blocks. */
(function () {
  "use strict";
  var KG = window.KG, ix = KG.ix, raw = KG.raw, rels = raw.rels, $ = KG.$, el = KG.el, N = ix.N;
  var network = KG.network, nodes = KG.nodes, state = KG.state, rankPos = ix.rankPos;
  var SENTENCE = /[。！？!?；;\n]+[”’"」』）)]*/g, MAX_SENTENCE = 140, MAX_HOOD = 2000;

  // ---------------------------------------------------------------- helpers
  function link(text, onClick, cls) {
    var a = el("a", text, cls || "ent");
    a.href = "#";
    a.addEventListener("click", function (ev) { ev.preventDefault(); onClick(); });
    return a;
  }
  function entLink(id) { return link(ix.name(id), function () { select(id); }); }
  function artLink(a) { return link(ix.head(a), function () { showArticle(a); }, "art-link"); }
  function bounds(text) {
    var b = [0], m; SENTENCE.lastIndex = 0;
    while ((m = SENTENCE.exec(text)) !== null) { b.push(m.index + m[0].length); }
    b.push(text.length);
    return b;
  }
  /* sentences of article a naming every entity of ids: [[text, [[s, e], ...]], ...] (at most max) */
  function sentences(a, ids, max) {
    var art = ix.text(a);
    if (!art) { return []; }
    var b = bounds(art.t), out = [];
    for (var i = 0; i + 1 < b.length && out.length < max; i++) {
      var s = b[i], e = b[i + 1];
      var spans = art.m.filter(function (m) { return m[0] >= s && m[1] <= e && ids.indexOf(m[2]) >= 0; });
      var has = ids.every(function (id) { return spans.some(function (m) { return m[2] === id; }); });
      if (!has || e <= s) { continue; }
      if (e - s > MAX_SENTENCE) { s = Math.max(s, Math.min(spans[0][0] - Math.floor(MAX_SENTENCE / 3), e - MAX_SENTENCE)); e = Math.min(e, s + MAX_SENTENCE); }
      var text = art.t.slice(s, e), lead = text.length - text.replace(/^\s+/, "").length;
      out.push([text.trim(), spans.filter(function (m) { return m[0] >= s && m[1] <= e; })
        .map(function (m) { return [m[0] - s - lead, m[1] - s - lead, m[2]]; })]);
    }
    return out;
  }
  KG.sentences = sentences;
  function quote(text, spans, tag) {
    var q = el(tag || "blockquote"), at = 0;
    spans.forEach(function (s) {
      if (s[0] < at) { return; }
      q.appendChild(document.createTextNode(text.slice(at, s[0])));
      var mk = el("mark");
      if (s[2] !== undefined && tag === "div") { mk.appendChild(link(text.slice(s[0], s[1]), function () { select(s[2]); })); }
      else { mk.textContent = text.slice(s[0], s[1]); }
      q.appendChild(mk);
      at = s[1];
    });
    q.appendChild(document.createTextNode(text.slice(at)));
    return q;
  }
  function quoteMarks(text, names) {  // highlight the given names in a sentence that carries no spans
    var spans = [];
    names.forEach(function (nm) { var i = nm ? text.indexOf(nm) : -1; if (i >= 0) { spans.push([i, i + nm.length]); } });
    spans.sort(function (x, y) { return x[0] - y[0]; });
    return quote(text, spans);
  }
  function open(body, sel) {
    $("panel").hidden = false;
    state.sel = sel;
    KG.writeHash();
    $("panel-body").scrollTop = 0;
    return body;
  }
  function panel() { var b = $("panel-body"); b.textContent = ""; return b; }
  function button(text, id, onClick) { var b = el("button", text); b.type = "button"; if (id) { b.id = id; } b.addEventListener("click", onClick); return b; }

  // ---------------------------------------------------------------- entity
  function select(id) {
    KG.pin([id]);
    if (nodes.get(id) === null) { KG.settle(KG.draw(nodes.getIds()), false); }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    showEntity(id);
  }
  function showEntity(id) {
    var body = panel(), c = raw.classes[ix.cls(id)] || {color: "#999", text: "#000"}, det = ix.details(id);
    var name = ix.name(id), arts = ix.arts(id), adj = ix.adj(id);
    body.appendChild(el("h2", name));
    var badge = el("span", KG.classLabel(id), "cls");
    badge.style.background = c.color; badge.style.color = c.text;
    body.appendChild(badge);
    var dl = el("dl");
    function row(k, v) { if (v === undefined || v === null || v === "") { return; } dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v)); }
    row("别名 aliases", ix.aliases(id).join("、"));
    row("类型 kind", det.kind);
    row("区划代码 code", det.code);
    row("级别 level", det.level);
    row("提及文章 articles", String(arts.length));
    body.appendChild(dl);
    var tools = el("div", null, "tools");
    var hops = el("input"); hops.type = "number"; hops.min = "1"; hops.max = "6"; hops.value = "1"; hops.id = "hops";
    hops.setAttribute("aria-label", "hops");
    tools.appendChild(button("显示邻域 neighbourhood", "show-hood", function () { neighbourhood(id, Math.max(1, parseInt(hops.value, 10) || 1)); }));
    tools.appendChild(hops);
    tools.appendChild(button("展开 expand (" + neighbours(id).length + ")", "expand", function () { expand(id); }));
    tools.appendChild(button("路径起点 path from here", "path-from", function () { $("path-form").hidden = false; $("path-a").value = name; $("path-b").focus(); }));
    body.appendChild(tools);
    if (det.posts && det.posts.length) {
      body.appendChild(el("h3", "职务 posts"));
      var ul = el("ul");
      det.posts.forEach(function (p) { var li = el("li", p[0] ? p[0] + " · " : ""); li.appendChild(entLink(p[1])); ul.appendChild(li); });
      body.appendChild(ul);
    }
    if (adj.length) {
      body.appendChild(el("h3", "关系 relations"));
      var rl = el("ul");
      adj.slice(0, 200).forEach(function (p) {
        var e = ix.edge(p[1]), li = el("li", (e.from === id ? "→ " : "← ") + rels[e.rel].zh + " ");
        li.appendChild(entLink(p[0]));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(link("证据 evidence", function () { showEdge("r" + p[1]); }, "ev-link"));
        rl.appendChild(li);
      });
      body.appendChild(rl);
    }
    body.appendChild(el("h3", "文章与证据 articles and evidence (" + arts.length + ")"));
    Array.from(arts).reverse().slice(0, 100).forEach(function (a) {
      var div = el("div", null, "art");
      div.appendChild(artLink(a));
      if (ix.date(a)) { div.appendChild(el("span", ix.date(a), "date")); }
      body.appendChild(div);
      sentences(a, [id], 3).forEach(function (s) { body.appendChild(quote(s[0], s[1].filter(function (m) { return m[2] === id; }))); });
    });
    if (arts.length > 100) { body.appendChild(el("p", "… " + (arts.length - 100) + " more 更多", "more")); }
    open(body, "e=" + id);
  }

  // ---------------------------------------------------------------- relation (edge) and co-mention
  function showEdge(edgeId) {
    var body = panel();
    if (edgeId[0] === "r") {
      var k = +edgeId.slice(1), e = ix.edge(k), r = rels[e.rel], evs = ix.ev(k);
      body.appendChild(el("h2", r.zh + " " + r.en));
      var p = el("p", null, "ends");
      p.appendChild(entLink(e.from)); p.appendChild(document.createTextNode(" → ")); p.appendChild(entLink(e.to));
      body.appendChild(p);
      body.appendChild(el("h3", "证据 evidence (" + evs.length + ")"));
      if (!evs.length) { body.appendChild(el("p", "没有记录的证据 no recorded evidence", "more")); }
      evs.forEach(function (ev) {
        var box = el("div", null, "evidence");
        if (ev[0]) { box.appendChild(quoteMarks(ev[0], [ix.name(e.from), ix.name(e.to)].concat(ix.aliases(e.from), ix.aliases(e.to)))); }
        var meta = el("p", null, "meta");
        meta.appendChild(document.createTextNode("置信度 confidence " + (ev[1] === null ? "—" : ev[1]) + " · 抽取器 extractor " + (ev[2] || "—") + (ev[4] ? " · " + ev[4] : "") + " · "));
        if (ev[3] >= 0) { meta.appendChild(artLink(ev[3])); } else { meta.appendChild(document.createTextNode("(no article 无文章)")); }
        box.appendChild(meta);
        body.appendChild(box);
      });
    } else {
      var ends = edgeId.slice(1).split("-").map(Number), shared = sharedArticles(ends[0], ends[1]);
      body.appendChild(el("h2", "同文共现 co-mention"));
      var q = el("p", null, "ends");
      q.appendChild(entLink(ends[0])); q.appendChild(document.createTextNode(" — ")); q.appendChild(entLink(ends[1]));
      body.appendChild(q);
      body.appendChild(el("h3", "共同文章 shared articles (" + shared.length + ")"));
      shared.slice().reverse().slice(0, 50).forEach(function (a) {
        var div = el("div", null, "art"); div.appendChild(artLink(a)); if (ix.date(a)) { div.appendChild(el("span", ix.date(a), "date")); }
        body.appendChild(div);
        sentences(a, ends, 2).forEach(function (s) { body.appendChild(quote(s[0], s[1])); });
      });
    }
    open(body, "edge=" + edgeId);
  }
  function sharedArticles(a, b) { var s = {}; ix.arts(a).forEach(function (x) { s[x] = 1; }); return Array.from(ix.arts(b)).filter(function (x) { return s[x]; }); }

  // ---------------------------------------------------------------- article
  function showArticle(a) {
    var art = ix.article(a), body = panel(), h = el("h2");
    if (art.u && /^https?:\/\//i.test(art.u)) { var x = el("a", art.h); x.href = art.u; x.target = "_blank"; x.rel = "noopener noreferrer"; x.id = "source-link"; h.appendChild(x); }
    else { h.textContent = art.h; }
    body.appendChild(h);
    body.appendChild(el("p", [art.d, art.src, art.u].filter(Boolean).join(" · "), "meta"));
    var ents = Array.from(ix.ents(a)).sort(function (x, y) { return rankPos[x] - rankPos[y]; });
    body.appendChild(el("h3", "实体 entities (" + ents.length + ")"));
    var ul = el("ul", null, "ents");
    ents.forEach(function (id) { var li = el("li"); li.appendChild(entLink(id)); li.appendChild(el("span", " " + raw.classes[ix.cls(id)].zh, "en")); ul.appendChild(li); });
    body.appendChild(ul);
    body.appendChild(el("h3", "正文 text"));
    if (art.t) { var t = quote(art.t, art.m || [], "div"); t.className = "text"; body.appendChild(t); }
    else { body.appendChild(el("p", "正文未收入此页 the text is not carried by this page (too many articles)", "more")); }
    var tools = el("div", null, "tools");
    tools.appendChild(button("只看此文实体 draw its entities", "draw-article", function () {
      state.pinned = []; KG.pin(ents.slice(0, 300)); KG.settle(KG.draw(ents.slice(0, 300), {}), true); }));
    body.insertBefore(tools, body.children[2]);
    open(body, "a=" + a);
  }

  // ---------------------------------------------------------------- neighbourhood and expansion
  function neighbours(id) {  // typed relations first, then co-mention partners by shared articles
    var out = [], seen = {}, w = {};
    seen[id] = 1;
    ix.adj(id).forEach(function (p) { if (!seen[p[0]]) { seen[p[0]] = 1; out.push(p[0]); } });
    ix.arts(id).forEach(function (a) { ix.ents(a).forEach(function (o) { if (!seen[o]) { w[o] = (w[o] || 0) + 1; } }); });
    Object.keys(w).map(Number).sort(function (x, y) { return (w[y] - w[x]) || (rankPos[x] - rankPos[y]) || (x - y); })
      .forEach(function (o) { out.push(o); });
    return out;
  }
  function expand(id) {
    var more = neighbours(id).filter(function (o) { return nodes.get(o) === null; }).slice(0, 30);
    KG.pin([id].concat(more));
    KG.settle(KG.draw(nodes.getIds().concat(more)), false);
  }
  function neighbourhood(id, hops) {
    var seen = new Set([id]), frontier = [id];
    for (var h = 0; h < hops && frontier.length && seen.size < MAX_HOOD; h++) {
      var next = [];
      frontier.forEach(function (f) { neighbours(f).slice(0, 50).forEach(function (o) { if (!seen.has(o) && seen.size < MAX_HOOD) { seen.add(o); next.push(o); } }); });
      frontier = next;
    }
    state.hood = seen; state.pinned = [id];
    KG.refresh(true);
    network.selectNodes([id]);
  }
  KG.select = select; KG.expand = expand; KG.neighbourhood = neighbourhood; KG.showEdge = showEdge; KG.showArticle = showArticle;

  // ---------------------------------------------------------------- shortest path (typed relations and co-mentions)
  function shortestPath(s, t) {
    if (s === t) { return [s]; }
    var prev = {}, artSeen = {}, frontier = [s];
    prev[s] = -1;
    while (frontier.length) {
      var next = [];
      for (var i = 0; i < frontier.length; i++) {
        var u = frontier[i], cands = [];
        ix.adj(u).forEach(function (p) { cands.push(p[0]); });
        if (state.co) { ix.arts(u).forEach(function (a) { if (!artSeen[a]) { artSeen[a] = 1; ix.ents(a).forEach(function (o) { cands.push(o); }); } }); }
        for (var j = 0; j < cands.length; j++) {
          var v = cands[j];
          if (prev[v] !== undefined) { continue; }
          prev[v] = u; next.push(v);
          if (v === t) { var path = [t]; while (prev[path[0]] !== -1) { path.unshift(prev[path[0]]); } return path; }
        }
      }
      frontier = next;
    }
    return null;
  }
  function hop(u, v) {
    var typed = ix.adj(u).filter(function (p) { return p[0] === v; }).map(function (p) { return p[1]; });
    if (typed.length) { return {kind: "r", edge: typed[0]}; }
    return {kind: "c", arts: sharedArticles(u, v)};
  }
  function showPath(s, t) {
    var path = shortestPath(s, t), body = panel();
    body.appendChild(el("h2", "路径 path: " + ix.name(s) + " → " + ix.name(t)));
    state.pathEdges = [];
    if (!path) { body.appendChild(el("p", "没有连接 no connection", "more")); open(body, "path=" + s + "," + t); KG.drawEdges(); return null; }
    var ol = el("ol", null, "path");
    for (var i = 0; i + 1 < path.length; i++) {
      var u = path[i], v = path[i + 1], h = hop(u, v), li = el("li");
      li.appendChild(entLink(u)); li.appendChild(document.createTextNode(" → ")); li.appendChild(entLink(v));
      if (h.kind === "r") {
        var e = ix.edge(h.edge), ev = ix.ev(h.edge)[0];
        li.appendChild(el("span", " " + rels[e.rel].zh + " " + rels[e.rel].en + (e.from === u ? "" : " (←)"), "rel"));
        if (ev && ev[0]) { li.appendChild(quoteMarks(ev[0], [ix.name(u), ix.name(v)])); }
        if (ev && ev[3] >= 0) { var m = el("p", null, "meta"); m.appendChild(artLink(ev[3])); li.appendChild(m); }
      } else {
        li.appendChild(el("span", " 同文共现 co-mention (" + h.arts.length + ")", "rel"));
        var a = h.arts[h.arts.length - 1], ss = sentences(a, [u, v], 1);
        if (ss.length) { li.appendChild(quote(ss[0][0], ss[0][1])); }
        var p = el("p", null, "meta"); p.appendChild(artLink(a)); li.appendChild(p);
      }
      ol.appendChild(li);
      state.pathEdges.push({id: "p" + i, from: u, to: v, width: 5, color: {color: "#c2185b", inherit: false}, arrows: {to: {enabled: false}}});
    }
    body.appendChild(ol);
    KG.pin(path);
    KG.settle(KG.draw(nodes.getIds().concat(path)), false);
    network.fit({nodes: path});
    open(body, "path=" + s + "," + t);
    KG.lastPath = path;
    return path;
  }
  KG.shortestPath = shortestPath; KG.showPath = showPath;
  KG.coMentionPairs = function () {  // distinct co-mentioned pairs over the whole graph (kg stats counts the same)
    var seen = new Set();
    for (var a = 0; a < ix.A; a++) { var m = ix.ents(a);  // ids ascending
      for (var i = 0; i < m.length; i++) { for (var j = i + 1; j < m.length; j++) { seen.add(m[i] * N + m[j]); } } }
    return seen.size;
  };
  function byName(text) {
    var q = text.trim().toLowerCase(), hits = find(q, 1);
    return hits.length && hits[0][5] === "e" ? hits[0][3] : null;
  }
  $("path-open").addEventListener("click", function () { var f = $("path-form"); f.hidden = !f.hidden; if (!f.hidden) { $("path-a").focus(); } });
  $("path-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var s = byName($("path-a").value), t = byName($("path-b").value);
    if (s === null || t === null) { $("status").textContent = "未找到 not found: " + (s === null ? $("path-a").value : $("path-b").value); return; }
    showPath(s, t);
  });
  var names = $("path-names");
  KG.byRank = Array.from(ix.byRank);
  KG.byRank.slice(0, 500).forEach(function (id) { var o = el("option"); o.value = ix.name(id); names.appendChild(o); });

  // ---------------------------------------------------------------- search (entities, then article headlines)
  var results = $("results"), search = $("search"), hits = [];
  var find = ix.find;
  KG.find = find;
  function showResults() {
    var t0 = performance.now();
    hits = find(search.value.trim().toLowerCase(), 30);
    KG.searchMs = performance.now() - t0;
    results.textContent = "";
    hits.forEach(function (h, k) {
      var li;
      if (h[5] === "e") {
        li = el("li", ix.name(h[3]));
        if (h[4]) { li.appendChild(el("span", "(" + h[4] + ")", "alias")); }
        li.appendChild(el("span", KG.classLabel(h[3]) + " · " + ix.n(h[3]), "cls"));
      } else { li = el("li", ix.head(h[3])); li.appendChild(el("span", "文章 article " + ix.date(h[3]), "cls")); }
      li.setAttribute("role", "option");
      if (k === 0) { li.className = "active"; }
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(h); });
      results.appendChild(li);
    });
    results.hidden = hits.length === 0;
    $("status").textContent = search.value.trim() ? hits.length + " found 个结果" : "";
  }
  function pick(h) { results.hidden = true; if (h[5] === "e") { select(h[3]); } else { showArticle(h[3]); } }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { showResults(); if (hits.length) { pick(hits[0]); } }
    if (ev.key === "Escape") { results.hidden = true; }
  });
  search.addEventListener("blur", function () { results.hidden = true; });

  // ---------------------------------------------------------------- export of the view
  function download(name, blob) {
    var a = document.createElement("a"); a.download = name; a.href = URL.createObjectURL(blob);
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  function csvCell(v) { v = v === undefined || v === null ? "" : String(v); return /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
  function viewCsv() {
    var lines = ["kind,id,name,class,articles,from,to,relation,weight,iri"];
    nodes.getIds().sort(function (a, b) { return a - b; }).forEach(function (id) {
      lines.push(["node", id, ix.name(id), ix.cls(id), ix.n(id), "", "", "", "", ix.iri(id)].map(csvCell).join(",")); });
    KG.edges.get().forEach(function (e) {
      var rel = e.id[0] === "r" ? ix.edge(+e.id.slice(1)).rel : e.id[0] === "c" ? "co-mention" : "path";
      var w = e.id[0] === "c" ? sharedArticles(e.from, e.to).length : 1;
      lines.push(["edge", e.id, "", "", "", ix.name(e.from), ix.name(e.to), rel, w, ""].map(csvCell).join(","));
    });
    return lines.join("\n") + "\n";
  }
  KG.viewCsv = viewCsv;
  $("csv").addEventListener("click", function () { download("kg-view.csv", new Blob(["\ufeff" + viewCsv()], {type: "text/csv"})); });
  $("png").addEventListener("click", function () {
    var src = document.querySelector("#network canvas"), c = document.createElement("canvas");
    c.width = src.width; c.height = src.height;
    var g = c.getContext("2d"); g.fillStyle = "#ffffff"; g.fillRect(0, 0, c.width, c.height); g.drawImage(src, 0, 0);
    c.toBlob(function (b) { download("kg-view.png", b); }, "image/png");
  });

  // ---------------------------------------------------------------- wiring and the state from the URL
  $("panel-close").addEventListener("click", function () { $("panel").hidden = true; network.unselectAll(); state.sel = null; KG.writeHash(); });
  network.on("click", function (p) {
    if (p.nodes.length) { showEntity(p.nodes[0]); }
    else if (p.edges.length) { var id = String(p.edges[0]); if (id[0] === "r" || id[0] === "c") { showEdge(id); } }
  });
  network.on("doubleClick", function (p) { if (p.nodes.length) { expand(p.nodes[0]); } });
  KG.restore = function (h) {
    if (h.e !== undefined && +h.e >= 0 && +h.e < N) { select(+h.e); }
    else if (h.a !== undefined && +h.a >= 0 && +h.a < ix.A) { showArticle(+h.a); }
    else if (h.edge) { showEdge(h.edge); }
    else if (h.path) { var p = h.path.split(",").map(Number); if (p[0] >= 0 && p[0] < N && p[1] >= 0 && p[1] < N) { showPath(p[0], p[1]); } }
  };
  KG.afterInit();
  Object.assign(window.kgExplorer, {select: select, expand: expand, neighbourhood: neighbourhood, showEdge: showEdge,
                                    showArticle: showArticle, showPath: showPath, find: find});
})();
