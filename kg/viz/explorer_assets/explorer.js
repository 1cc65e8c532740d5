/* kg explorer, part 1: filters over the whole graph, what is drawn (vis-network), co-mention edges, hover, zoom,
   the URL hash. Part 0 (index.js) decodes the index of every entity; part 2 (panel.js) has the side panel, search,
   paths and exports.
   Every string from the graph reaches the page through textContent or the canvas, never as HTML. */
(function () {
  "use strict";
  var KG = window.KG, ix = KG.ix, raw = KG.raw, $ = KG.$, data = KG.data;
  var classes = raw.classes, rels = raw.rels, view = raw.view, byRank = ix.byRank, dates = ix.dates, N = ix.N;
  var status = $("status"), maxN = 1;
  for (var i = 0; i < N; i++) { maxN = Math.max(maxN, ix.n(i)); }
  KG.dates = dates;

  var state = {classOff: {}, relOff: {}, co: true, from: 0, to: Math.max(0, dates.length - 1), min: 0,
               community: false, draw: view.length || 100, hood: null, pinned: []};
  KG.state = state;
  var nodes = new vis.DataSet([]), edges = new vis.DataSet([]);
  var network = null;

  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) { x.textContent = String(text); }
    if (cls) { x.className = cls; }
    return x;
  }
  KG.el = el;
  function classLabel(id) { var k = ix.cls(id), c = classes[k]; return c ? c.zh + " " + c.en : k; }
  KG.classLabel = classLabel;
  function commOf(id) { return raw.comm && raw.comm.of[id] !== undefined ? raw.comm.of[id] : -1; }
  function colourOf(id) {
    if (state.community && raw.comm) { var c = commOf(id); return c >= 0 ? raw.palette[c % raw.palette.length] : "#c8c8c8"; }
    return (classes[ix.cls(id)] || {color: "#999999"}).color;
  }
  function visNode(id, x, y) {
    var c = classes[ix.cls(id)] || {shape: "dot"}, size = ix.top(id) ? 18 : 14, n = ix.n(id), al = ix.aliases(id);
    var v = {id: id, label: ix.label(id), shape: c.shape, color: colourOf(id), x: x, y: y,
             title: el("div", [ix.name(id), classLabel(id)].concat(al.length ? ["别名 aliases: " + al.slice(0, 12).join("、")] : [])
                   .concat(["文章 articles: " + n]).join("\n")), font: {size: size}};
    if (c.shape === "ellipse" || c.shape === "box") { v.margin = 6; }  // the label inside, at the size the layout made room for
    else { v.size = Math.round(7 + 17 * Math.sqrt(n / maxN)); }  // by share of the busiest entity's articles
    return v;
  }

  // ---------------------------------------------------------------- filters over the whole graph
  function dated() { return dates.length && (state.from > 0 || state.to < dates.length - 1); }
  function passes(id) {
    if (state.classOff[ix.cls(id)]) { return false; }
    if (ix.n(id) < state.min) { return false; }
    if (dated()) {
      var a = ix.arts(id), hit = false;
      for (var k = 0; k < a.length && !hit; k++) { var d = ix.dateIndex(a[k]); hit = d >= state.from && d <= state.to; }
      if (!hit) { return false; }
    }
    return !state.hood || state.hood.has(id);
  }
  function filtering() { return dated() || state.min > 0 || Object.keys(state.classOff).some(function (k) { return state.classOff[k]; }) || !!state.hood; }
  function matching() { var out = []; for (var r = 0; r < N; r++) { if (passes(byRank[r])) { out.push(byRank[r]); } } return out; }
  KG.passes = passes; KG.matching = matching;

  // ---------------------------------------------------------------- co-mention edges (rule of kg/viz/explorer_data.py)
  function coMentions(ids) {
    var inSet = {}, weight = {}, partners = {};
    ids.forEach(function (i) { inSet[i] = 1; });
    var per = {};
    ids.slice().sort(function (a, b) { return a - b; }).forEach(function (i) {
      ix.arts(i).forEach(function (a) { (per[a] = per[a] || []).push(i); }); });
    Object.keys(per).forEach(function (a) {
      var m = per[a];
      for (var k = 0; k < m.length; k++) { for (var j = k + 1; j < m.length; j++) {
        var key = m[k] + "-" + m[j]; weight[key] = (weight[key] || 0) + 1; } }
    });
    Object.keys(weight).forEach(function (key) {
      var p = key.split("-"), a = +p[0], b = +p[1], w = weight[key];
      var s = Math.round(1e9 * w / Math.sqrt(ix.n(a) * ix.n(b))) / 1e9;
      (partners[a] = partners[a] || []).push([s, w, b]); (partners[b] = partners[b] || []).push([s, w, a]);
    });
    var keep = {};
    Object.keys(partners).forEach(function (i) {
      partners[i].sort(function (x, y) { return (y[0] - x[0]) || (y[1] - x[1]) || (x[2] - y[2]); });
      partners[i].slice(0, raw.coTop).forEach(function (p) { var a = Math.min(+i, p[2]), b = Math.max(+i, p[2]);
                                                              keep[a + "-" + b] = p[1]; });
    });
    return keep;
  }
  KG.coMentions = coMentions;

  // ---------------------------------------------------------------- drawing a set of entities
  function anchorOf(id) {
    var nb = ix.adj(id).filter(function (p) { return nodes.get(p[0]) !== null; });
    if (!nb.length) {
      var best = null;
      ix.arts(id).some(function (a) { return ix.ents(a).some(function (o) { if (o !== id && nodes.get(o) !== null) { best = o; return true; } return false; }); });
      if (best === null) { return null; }
      nb = [[best]];
    }
    return network.getPositions([nb[0][0]])[nb[0][0]];
  }
  function draw(ids, opts) {
    opts = opts || {};
    var want = {}, added = [], unplaced = 0, k = 0;
    ids.forEach(function (id) { want[id] = 1; });
    state.pinned.forEach(function (id) { want[id] = 1; });
    var gone = nodes.getIds().filter(function (id) { return !want[id]; });
    nodes.remove(gone);
    Object.keys(want).forEach(function (key) {
      var id = +key, at0 = ix.xy(id);
      if (nodes.get(id) !== null) { return; }
      var x = at0 ? at0[0] : undefined, y = at0 ? at0[1] : undefined;
      if (x === undefined || opts.relayout) {
        var at = network ? anchorOf(id) : null, angle = 2.4 * (k++);
        at = at || {x: 0, y: 0};
        x = at.x + (90 + 6 * k) * Math.cos(angle); y = at.y + (90 + 6 * k) * Math.sin(angle); unplaced++;
      }
      added.push(visNode(id, x, y));
    });
    nodes.add(added);
    drawEdges();
    return unplaced;
  }
  function drawEdges() {
    var ids = nodes.getIds(), on = {}, out = [];
    ids.forEach(function (id) { on[id] = 1; });
    var seen = {};
    ids.forEach(function (id) {
      ix.adj(id).forEach(function (p) {
        var k = p[1], e = ix.edge(k);
        if (seen[k] || !on[p[0]] || state.relOff[e.rel]) { return; }
        seen[k] = 1;
        var r = rels[e.rel] || {color: "#999999", dashes: false};
        out.push({id: "r" + k, from: e.from, to: e.to, label: r.zh, dashes: r.dashes, width: 1.5,
                  title: el("div", r.zh + " (" + r.en + ")"),
                  color: {color: r.color, highlight: "#111111", hover: "#111111", inherit: false}});
      });
    });
    if (state.co) {
      var co = coMentions(ids), top = 1;
      Object.keys(co).forEach(function (key) { top = Math.max(top, co[key]); });
      Object.keys(co).forEach(function (key) {
        var p = key.split("-");
        out.push({id: "c" + key, from: +p[0], to: +p[1], width: 0.6 + 3 * co[key] / top, arrows: {to: {enabled: false}},
                  title: el("div", "同文共现 co-mentioned in " + co[key] + " articles"), smooth: false,
                  color: {color: "#9aa7b8", opacity: 0.55, highlight: "#333333", hover: "#333333", inherit: false}});
      });
    }
    (state.pathEdges || []).forEach(function (e) { out.push(e); });
    edges.clear();
    edges.add(out);
  }
  /* fit the drawn entities; when the unfolded legend would cover some of them, fit them into the canvas right of it */
  function fitView() {
    network.fit();
    var legend = $("legends"), canvas = $("network");
    if (legend.classList.contains("folded")) { return; }
    var L = legend.getBoundingClientRect(), C = canvas.getBoundingClientRect(), reach = L.right - C.left, W = C.width;
    if (reach <= 0 || reach > W / 2) { return; }
    var pos = network.getPositions(), covered = Object.keys(pos).some(function (id) {
      var d = network.canvasToDOM(pos[id]);  // canvas-relative; the label stands below and to both sides
      return d.x - 60 < reach && d.y + C.top + 30 > L.top && d.y + C.top - 20 < L.bottom; });
    if (!covered) { return; }
    var scale = network.getScale() * (W - reach) / W, at = network.getViewPosition();
    network.moveTo({position: {x: at.x - reach / 2 / scale, y: at.y}, scale: scale});
  }
  KG.fitView = fitView;
  function settle(unplaced, fit) {
    if (!unplaced) { if (fit) { fitView(); } return; }
    network.setOptions({physics: {enabled: true}});
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}}); if (fit) { fitView(); } });
    network.stabilize(Math.min(150, 40 + nodes.length));
  }
  function refresh(fit) {
    var match = matching(), ids;
    if (filtering()) { ids = match.slice(0, state.draw); }
    else { ids = state.draw === view.length ? view.slice() : Array.from(byRank.subarray(0, state.draw)); }
    var unplaced = draw(ids);
    settle(unplaced, fit !== false);
    var shown = nodes.length;
    status.textContent = match.length.toLocaleString("en") + " / " + N.toLocaleString("en") +
      " 匹配 match · 绘制 drawn " + shown;
    KG.matchCount = match.length;
    writeHash();
  }
  KG.refresh = refresh; KG.draw = draw; KG.drawEdges = drawEdges; KG.settle = settle;
  function recolour() {
    nodes.update(nodes.getIds().map(function (id) { return {id: id, color: colourOf(id)}; }));
    var legend = $("comm-legend");
    legend.hidden = !(state.community && raw.comm);
    $("legend").hidden = !legend.hidden;
    legend.textContent = "";
    if (raw.comm) {
      raw.comm.legend.forEach(function (c, k) {
        var li = el("li"), sw = el("span", null, "sw");
        sw.style.background = raw.palette[k % raw.palette.length];
        li.appendChild(sw); li.appendChild(document.createTextNode(c.names.join("、") + " (" + c.size + ")"));
        legend.appendChild(li);
      });
    }
  }
  KG.pin = function (ids) { ids.forEach(function (id) { if (state.pinned.indexOf(id) < 0) { state.pinned.push(id); } }); };

  // ---------------------------------------------------------------- hover: neighbours highlighted
  function hover(id) {
    var near = {}; near[id] = 1;
    edges.get().forEach(function (e) { if (e.from === id) { near[e.to] = 1; } if (e.to === id) { near[e.from] = 1; } });
    nodes.update(nodes.getIds().map(function (i) {
      return {id: i, color: near[i] ? colourOf(i) : "rgba(200,200,200,0.35)",
              font: {color: near[i] ? "#111111" : "rgba(80,80,80,0.35)"}}; }));
    KG.hovered = Object.keys(near).map(Number).sort(function (a, b) { return a - b; });
  }
  function unhover() {
    nodes.update(nodes.getIds().map(function (i) { return {id: i, color: colourOf(i), font: {color: "#222222"}}; }));
    KG.hovered = null;
  }
  KG.hover = hover; KG.unhover = unhover;

  // ---------------------------------------------------------------- URL hash (the view's state)
  var restoring = false;
  function writeHash() {
    if (restoring) { return; }
    var h = [];
    var off = Object.keys(state.classOff).filter(function (k) { return state.classOff[k]; });
    var roff = Object.keys(state.relOff).filter(function (k) { return state.relOff[k]; });
    if (off.length) { h.push("off=" + off.join(",")); }
    if (roff.length) { h.push("rel=" + roff.join(",")); }
    if (!state.co) { h.push("co=0"); }
    if (dated()) { h.push("from=" + dates[state.from], "to=" + dates[state.to]); }
    if (state.min) { h.push("min=" + state.min); }
    if (state.community) { h.push("comm=1"); }
    if (state.draw !== view.length) { h.push("draw=" + state.draw); }
    if (state.sel !== undefined && state.sel !== null) { h.push(state.sel); }
    var text = h.join("&");
    if (("#" + text) !== location.hash && (text || location.hash)) { history.replaceState(null, "", "#" + text); }
  }
  function readHash() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      if (!kv) { return; } var i = kv.indexOf("="); out[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); });
    (out.off || "").split(",").forEach(function (c) { if (c) { state.classOff[c] = true; } });
    (out.rel || "").split(",").forEach(function (r) { if (r) { state.relOff[r] = true; } });
    state.co = out.co !== "0";
    if (out.from) { var f = dates.indexOf(out.from); if (f >= 0) { state.from = f; } }
    if (out.to) { var t = dates.indexOf(out.to); if (t >= 0) { state.to = t; } }
    state.min = parseInt(out.min, 10) || 0;
    state.community = out.comm === "1" && !!raw.comm;
    if (out.draw) { state.draw = parseInt(out.draw, 10) || state.draw; }
    return out;
  }
  KG.writeHash = writeHash;

  // ---------------------------------------------------------------- controls
  function syncControls() {
    Array.prototype.forEach.call(document.querySelectorAll("#legend button"), function (b) {
      b.setAttribute("aria-pressed", String(!state.classOff[b.getAttribute("data-cls")])); });
    Array.prototype.forEach.call(document.querySelectorAll("#rel-legend button"), function (b) {
      var r = b.getAttribute("data-rel"); b.setAttribute("aria-pressed", String(r === "co" ? state.co : !state.relOff[r])); });
    $("f-from").max = $("f-to").max = String(Math.max(0, dates.length - 1));
    $("f-from").value = String(state.from); $("f-to").value = String(state.to);
    $("f-dates").textContent = dates.length ? dates[state.from] + " – " + dates[state.to] : "—";
    $("f-min").value = String(state.min); $("f-draw").value = String(state.draw);
    $("f-community").checked = state.community;
  }
  KG.syncControls = syncControls;
  Array.prototype.forEach.call(document.querySelectorAll("#legend button"), function (b) {
    b.addEventListener("click", function () { var c = b.getAttribute("data-cls"); state.classOff[c] = !state.classOff[c];
                                              syncControls(); refresh(); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("#rel-legend button"), function (b) {
    b.addEventListener("click", function () {
      var r = b.getAttribute("data-rel");
      if (r === "co") { state.co = !state.co; } else { state.relOff[r] = !state.relOff[r]; }
      syncControls(); drawEdges(); writeHash();
    });
  });
  function dateInput(which) {
    return function () {
      var f = +$("f-from").value, t = +$("f-to").value;
      if (f > t) { if (which === "from") { t = f; } else { f = t; } }
      state.from = f; state.to = t; syncControls(); refresh();
    };
  }
  $("f-from").addEventListener("input", dateInput("from"));
  $("f-to").addEventListener("input", dateInput("to"));
  $("f-min").addEventListener("input", function (ev) { state.min = parseInt(ev.target.value, 10) || 0; refresh(); });
  $("f-draw").addEventListener("change", function (ev) { state.draw = Math.max(5, parseInt(ev.target.value, 10) || 100); refresh(); });
  var community = $("f-community");
  if (!raw.comm) { community.disabled = true; community.parentNode.title = "communities do not separate this view 社区未能区分此视图"; }
  community.addEventListener("change", function () { state.community = community.checked; recolour(); writeHash(); });
  $("f-reset").addEventListener("click", function () {
    state.classOff = {}; state.relOff = {}; state.co = true; state.from = 0; state.to = Math.max(0, dates.length - 1);
    state.min = 0; state.hood = null; state.pinned = []; state.pathEdges = []; state.draw = view.length || 100;
    syncControls(); refresh();
  });
  $("legend-toggle").addEventListener("click", function () {
    var folded = $("legends").classList.toggle("folded");
    $("legend-toggle").setAttribute("aria-expanded", String(!folded));
  });
  $("zoom-in").addEventListener("click", function () { network.moveTo({scale: network.getScale() * 1.3}); });
  $("zoom-out").addEventListener("click", function () { network.moveTo({scale: network.getScale() / 1.3}); });
  $("fit").addEventListener("click", fitView);
  var cursor = -1;
  $("network").addEventListener("keydown", function (ev) {
    var pos = network.getViewPosition(), step = 80 / network.getScale(), k = ev.key;
    if (k === "+" || k === "=") { network.moveTo({scale: network.getScale() * 1.3}); }
    else if (k === "-") { network.moveTo({scale: network.getScale() / 1.3}); }
    else if (k === "0") { fitView(); }
    else if (k.indexOf("Arrow") === 0) {
      network.moveTo({position: {x: pos.x + (k === "ArrowLeft" ? -step : k === "ArrowRight" ? step : 0),
                                 y: pos.y + (k === "ArrowUp" ? -step : k === "ArrowDown" ? step : 0)}});
    } else if (k === "n" || k === "p") {
      var drawn = Array.from(byRank).filter(function (id) { return nodes.get(id) !== null; });
      if (!drawn.length) { return; }
      cursor = (cursor + (k === "n" ? 1 : drawn.length - 1)) % drawn.length;
      KG.select(drawn[cursor]);
    } else { return; }
    ev.preventDefault();
  });

  // ---------------------------------------------------------------- first view
  var hashState = readHash();
  if (window.matchMedia && window.matchMedia("(max-width: 600px)").matches) {
    $("legends").classList.add("folded"); $("legend-toggle").setAttribute("aria-expanded", "false");
  }
  syncControls();
  network = new vis.Network($("network"), {nodes: nodes, edges: edges}, raw.options);
  KG.network = network; KG.nodes = nodes; KG.edges = edges;
  restoring = true;
  refresh(true);
  recolour();
  network.on("hoverNode", function (p) { hover(p.node); });
  network.on("blurNode", unhover);
  network.once("afterDrawing", function () {
    window.kgDrawnMs = performance.now();
    document.documentElement.setAttribute("data-ready", "1");
    setTimeout(function () { ix.prepareSearch(); }, 0);  // the search columns, while the user looks
  });
  network.redraw();
  KG.afterInit = function () { restoring = false; KG.restore(hashState); writeHash(); };
  window.kgExplorer = {network: network, nodes: nodes, edges: edges, data: data, refresh: refresh, KG: KG};
})();
