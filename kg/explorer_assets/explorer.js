/* kg explorer: filters, search, side panel and expansion on top of vis-network.
   Every string from the graph reaches the page through textContent or the canvas, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var all = data.nodes, classes = data.classes, rels = data.rels;
  var $ = function (id) { return document.getElementById(id); };
  var status = $("status");
  var MAX_HOOD = 2000;

  // adjacency over every relation, shown or not: adj[id] = [[other, edge index], ...]
  var adj = all.map(function () { return []; });
  data.edges.forEach(function (e, k) { adj[e.from].push([e.to, k]); adj[e.to].push([e.from, k]); });

  var state = {classOff: {}, article: -1, from: "", to: "", min: 0, community: data.large, hood: null};
  var nodes = new vis.DataSet([]), edges = new vis.DataSet([]);
  var network = null;  // created once the first view is in the data sets, so that it is stabilised first

  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) { x.textContent = String(text); }
    if (cls) { x.className = cls; }
    return x;
  }
  function classLabel(n) { var c = classes[n.cls]; return c ? c.zh + " " + c.en : n.cls; }
  function colourOf(n) {
    if (state.community) { return n.comm >= 0 ? data.palette[n.comm % data.palette.length] : "#c8c8c8"; }
    return (classes[n.cls] || {color: "#999999"}).color;
  }
  function tooltip(n) {
    var lines = [n.name, classLabel(n)];
    if (n.aliases.length) { lines.push("别名 aliases: " + n.aliases.slice(0, 12).join("、")); }
    lines.push("提及文章 articles: " + n.n);
    return el("div", lines.join("\n"));
  }
  function visNode(n, x, y) {
    var c = classes[n.cls] || {shape: "dot"};
    var v = {id: n.id, label: n.label, shape: c.shape, color: colourOf(n), title: tooltip(n), x: x, y: y,
             hidden: !passes(n)};
    if (c.shape === "ellipse" || c.shape === "box") { v.font = {size: Math.min(30, Math.round(13 + 2 * Math.sqrt(n.n)))}; }
    else { v.size = Math.min(48, Math.round(10 + 6 * Math.sqrt(n.n))); }
    return v;
  }
  function visEdge(k) {
    var e = data.edges[k], r = rels[e.rel[0]] || {color: "#999999", dashes: false};
    var title = e.rel.map(function (key) { var s = rels[key]; return s.zh + " (" + s.en + ")"; }).join("\n");
    return {id: k, from: e.from, to: e.to, label: e.label, title: el("div", title), dashes: r.dashes,
            color: {color: r.color, highlight: "#222222", hover: "#222222", inherit: false}};
  }

  // ---------------------------------------------------------------- which nodes are on the canvas
  function place(ids, anchor) {
    var todo = ids.filter(function (id) { return nodes.get(id) === null; });
    if (!todo.length) { return; }
    var centre = null, ring = 0, slot = 0, perRing = 8, added = [];
    todo.forEach(function (id) {
      var n = all[id], x = n.x, y = n.y;
      if (x === undefined) {
        centre = centre || anchorPosition(todo, anchor);
        if (slot >= perRing) { ring += 1; slot = 0; perRing = 8 + ring * 6; }
        var angle = 2 * Math.PI * slot / perRing + ring * 0.5, r = 120 + ring * 70;
        x = centre.x + r * Math.cos(angle); y = centre.y + r * Math.sin(angle); slot += 1;
      }
      added.push(visNode(n, x, y));
    });
    nodes.add(added);
    var newEdges = [], seen = {};
    todo.forEach(function (id) {
      adj[id].forEach(function (pair) {
        var k = pair[1];
        if (!seen[k] && edges.get(k) === null && nodes.get(pair[0]) !== null) { seen[k] = 1; newEdges.push(visEdge(k)); }
      });
    });
    edges.add(newEdges);
  }
  function anchorPosition(todo, anchor) {
    if (anchor !== undefined && nodes.get(anchor) !== null) { return network.getPositions([anchor])[anchor]; }
    for (var i = 0; i < todo.length; i++) {
      var nb = adj[todo[i]].filter(function (p) { return nodes.get(p[0]) !== null; });
      if (nb.length) { return network.getPositions([nb[0][0]])[nb[0][0]]; }
    }
    return network.getViewPosition();
  }

  // ---------------------------------------------------------------- filters
  function passes(n) {
    if (state.classOff[n.cls]) { return false; }
    if (state.article >= 0 && n.arts.indexOf(state.article) < 0) { return false; }
    if (n.n < state.min) { return false; }
    if (state.from || state.to) {
      var ok = n.arts.some(function (a) {
        var d = data.articles[a].d;
        return d && (!state.from || d >= state.from) && (!state.to || d <= state.to);
      });
      if (!ok) { return false; }
    }
    return !state.hood || state.hood.has(n.id);
  }
  function applyFilters() {
    var changes = [], shown = 0;
    nodes.getIds().forEach(function (id) {
      var hide = !passes(all[id]);
      if (!hide) { shown += 1; }
      if (nodes.get(id).hidden !== hide) { changes.push({id: id, hidden: hide}); }
    });
    nodes.update(changes);
    status.textContent = "显示 showing " + shown + " / " + all.length;
    return shown;
  }
  function recolour() {
    nodes.update(nodes.getIds().map(function (id) { return {id: id, color: colourOf(all[id])}; }));
  }

  // ---------------------------------------------------------------- selection, neighbourhood, expansion
  function select(id) {
    var n = all[id];
    if (nodes.get(id) === null) { place([id]); }
    if (!passes(n)) { nodes.update({id: id, hidden: false}); }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: {duration: 300}});
    showPanel(id);
  }
  function neighbourhood(id, hops) {
    var seen = new Set([id]), frontier = [id];
    for (var h = 0; h < hops && frontier.length && seen.size < MAX_HOOD; h++) {
      var next = [];
      frontier.forEach(function (f) {
        adj[f].forEach(function (p) { if (!seen.has(p[0]) && seen.size < MAX_HOOD) { seen.add(p[0]); next.push(p[0]); } });
      });
      frontier = next;
    }
    place(Array.from(seen), id);
    state.hood = seen;
    applyFilters();
    network.fit({nodes: Array.from(seen), animation: {duration: 300}});
    network.selectNodes([id]);
  }
  function expand(id) {
    place(adj[id].map(function (p) { return p[0]; }), id);
    if (state.hood) { adj[id].forEach(function (p) { state.hood.add(p[0]); }); }
    applyFilters();
  }

  // ---------------------------------------------------------------- side panel
  function entLink(id) {
    var a = el("a", all[id].name, "ent");
    a.href = "#";
    a.addEventListener("click", function (ev) { ev.preventDefault(); select(id); });
    return a;
  }
  function highlighted(text, spans) {
    var q = el("blockquote"), at = 0;
    spans.forEach(function (s) {
      if (s[0] < at) { return; }
      q.appendChild(document.createTextNode(text.slice(at, s[0])));
      q.appendChild(el("mark", text.slice(s[0], s[1])));
      at = s[1];
    });
    q.appendChild(document.createTextNode(text.slice(at)));
    return q;
  }
  function showPanel(id) {
    var n = all[id], body = $("panel-body"), c = classes[n.cls] || {color: "#999"};
    body.textContent = "";
    body.appendChild(el("h2", n.name));
    var badge = el("span", classLabel(n), "cls");
    badge.style.background = c.color;
    body.appendChild(badge);
    var dl = el("dl");
    function row(k, v) {
      if (v === undefined || v === null || v === "") { return; }
      dl.appendChild(el("dt", k));
      dl.appendChild(el("dd", v));
    }
    row("别名 aliases", n.aliases.join("、"));
    row("区划代码 code", n.code);
    row("级别 level", n.level);
    row("提及文章 articles", String(n.n));
    body.appendChild(dl);

    var tools = el("div", null, "tools");
    var hops = el("input"); hops.type = "number"; hops.min = "1"; hops.max = "6"; hops.value = "2"; hops.id = "hops";
    var hood = el("button", "显示邻域 show neighbourhood"); hood.type = "button"; hood.id = "show-hood";
    hood.addEventListener("click", function () { neighbourhood(id, Math.max(1, parseInt(hops.value, 10) || 1)); });
    var more = el("button", "展开 expand (" + adj[id].length + ")"); more.type = "button"; more.id = "expand";
    more.addEventListener("click", function () { expand(id); });
    tools.appendChild(hood); tools.appendChild(hops); tools.appendChild(el("span", "跳 hops")); tools.appendChild(more);
    body.appendChild(tools);

    if (n.posts && n.posts.length) {
      body.appendChild(el("h3", "职务 posts"));
      var ul = el("ul");
      n.posts.forEach(function (p) { var li = el("li", p[0] ? p[0] + " · " : ""); li.appendChild(entLink(p[1])); ul.appendChild(li); });
      body.appendChild(ul);
    }
    if (adj[id].length) {
      body.appendChild(el("h3", "关系 relations"));
      var rl = el("ul");
      adj[id].slice(0, 200).forEach(function (p) {
        var e = data.edges[p[1]], li = el("li", (e.from === id ? "→ " : "← ") + e.label + " ");
        li.appendChild(entLink(p[0]));
        rl.appendChild(li);
      });
      body.appendChild(rl);
    }
    body.appendChild(el("h3", "文章与证据 articles and evidence"));
    var ev = n.ev || [];
    n.arts.forEach(function (a) {
      var art = data.articles[a], div = el("div", art.h, "art");
      if (art.d) { div.appendChild(el("span", art.d, "date")); }
      body.appendChild(div);
      ev.forEach(function (r) { if (r[0] === a) { body.appendChild(highlighted(r[1], r[2])); } });
    });
    $("panel").hidden = false;
  }
  function wire() {
    $("panel-close").addEventListener("click", function () { $("panel").hidden = true; network.unselectAll(); });
    network.on("click", function (p) { if (p.nodes.length) { showPanel(p.nodes[0]); } });
    network.on("doubleClick", function (p) { if (p.nodes.length) { expand(p.nodes[0]); } });
  }

  // ---------------------------------------------------------------- search
  var results = $("results"), search = $("search"), hits = [];
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) { return []; }
    var out = [];
    for (var i = 0; i < all.length; i++) {
      var n = all[i], score = -1, via = null;
      var name = n.name.toLowerCase();
      if (name === q) { score = 0; } else if (name.indexOf(q) >= 0) { score = 2; }
      for (var j = 0; j < n.aliases.length && score !== 0; j++) {
        var a = n.aliases[j].toLowerCase();
        if (a === q) { score = 1; via = n.aliases[j]; } else if (score < 0 && a.indexOf(q) >= 0) { score = 3; via = n.aliases[j]; }
      }
      if (score >= 0) { out.push([score, -n.n, n.name.length, i, via]); }
    }
    out.sort(function (x, y) { for (var k = 0; k < 4; k++) { if (x[k] !== y[k]) { return x[k] < y[k] ? -1 : 1; } } return 0; });
    return out.slice(0, 30);
  }
  function showResults() {
    hits = find(search.value);
    results.textContent = "";
    hits.forEach(function (h, k) {
      var n = all[h[3]], li = el("li", n.name);
      if (h[4]) { li.appendChild(el("span", "(" + h[4] + ")", "alias")); }
      li.appendChild(el("span", classLabel(n), "cls"));
      if (k === 0) { li.className = "active"; }
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(h[3]); });
      results.appendChild(li);
    });
    results.hidden = hits.length === 0;
    status.textContent = search.value.trim() ? hits.length + " found 个结果" : "";
  }
  function pick(id) { results.hidden = true; select(id); }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { showResults(); if (hits.length) { pick(hits[0][3]); } }
    if (ev.key === "Escape") { results.hidden = true; }
  });
  search.addEventListener("blur", function () { results.hidden = true; });

  // ---------------------------------------------------------------- filter controls
  Array.prototype.forEach.call(document.querySelectorAll("#legend li"), function (li) {
    li.addEventListener("click", function () {
      var cls = li.getAttribute("data-cls");
      state.classOff[cls] = li.classList.toggle("off");
      applyFilters();
    });
  });
  $("f-article").addEventListener("change", function (ev) {
    state.article = parseInt(ev.target.value, 10);
    if (state.article >= 0) {
      var ids = all.filter(function (n) { return n.arts.indexOf(state.article) >= 0; }).map(function (n) { return n.id; });
      place(ids);
      applyFilters();
      if (ids.length) { network.fit({nodes: ids, animation: {duration: 300}}); }
    } else { applyFilters(); }
  });
  $("legend-toggle").addEventListener("click", function () {
    var folded = $("legends").classList.toggle("folded");
    $("legend-toggle").setAttribute("aria-expanded", String(!folded));
  });
  function dates() { state.from = $("f-from").value; state.to = $("f-to").value; applyFilters(); }
  $("f-from").addEventListener("change", dates);
  $("f-to").addEventListener("change", dates);
  $("f-min").addEventListener("input", function (ev) { state.min = parseInt(ev.target.value, 10) || 0; applyFilters(); });
  var community = $("f-community");
  community.checked = state.community;
  community.addEventListener("change", function () { state.community = community.checked; recolour(); });
  $("f-reset").addEventListener("click", function () {
    state.classOff = {}; state.article = -1; state.from = state.to = ""; state.min = 0; state.hood = null;
    Array.prototype.forEach.call(document.querySelectorAll("#legend li.off"), function (li) { li.classList.remove("off"); });
    $("f-article").value = "-1"; $("f-from").value = ""; $("f-to").value = ""; $("f-min").value = "0";
    applyFilters();
    network.fit();
  });

  // ---------------------------------------------------------------- first view
  function ready() {
    network.setOptions({physics: {enabled: false}});
    network.once("afterDrawing", function () {
      window.kgDrawnMs = performance.now();
      document.documentElement.setAttribute("data-ready", "1");
    });
    network.redraw();
    applyFilters();
  }
  place(data.view);
  network = new vis.Network($("network"), {nodes: nodes, edges: edges}, data.options);
  if (data.options.physics.enabled && data.view.length) {
    network.on("stabilizationProgress", function (p) {
      status.textContent = "布局 layout " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", ready);
  } else { ready(); }
  wire();
  window.kgExplorer = {network: network, nodes: nodes, edges: edges, data: data, select: select,
                       neighbourhood: neighbourhood, expand: expand, applyFilters: applyFilters};
})();
