"""``kg serve``: a SPARQL 1.1 Protocol endpoint over pyoxigraph, with the HTML explorer beside it.

``/sparql`` takes queries by GET (``?query=``) and POST (``application/sparql-query`` or form-encoded
``query=``; updates as ``application/sparql-update`` or ``update=`` only with ``allow_update``). Results are
SPARQL JSON, XML, CSV or TSV, chosen by ``?format=`` or the Accept header; graphs (CONSTRUCT/DESCRIBE) are
Turtle, N-Triples or RDF/XML. Every answer carries CORS headers, so browser clients (YASGUI) can use it.
A query that runs longer than ``timeout`` seconds is answered 503; its worker stops at the next row it would
send, but an engine step that has not yielded a row yet (a big sort or aggregate) runs on in the background
until it ends (at most four queries run at once). Results are cut after ``max_rows`` rows (header ``X-Kg-Truncated: true``). ``/`` serves the explorer.
"""

from __future__ import annotations

import csv
import io
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

from .graph import PREFIXES

__all__ = ["make_server", "open_source", "explorer_page", "RESULT_TYPES"]

RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {"turtle": "text/turtle", "ntriples": "application/n-triples", "rdfxml": "application/rdf+xml"}
_ACCEPT = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "text/turtle": "turtle", "application/n-triples": "ntriples", "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _Timeout(Exception):
    pass


def open_source(path: str | os.PathLike, allow_update: bool = False, memory: bool = False):
    """A store folder opened (read-only unless ``allow_update``) or, with ``memory``, copied into memory;
    a graph file is always loaded into memory."""
    from .query import QueryError
    from .store import copy_to_memory, is_store, load_memory, open_store

    if not is_store(path):
        return load_memory(path)
    if memory and allow_update:
        raise QueryError(f"{path}: --memory serves a copy, so updates would be lost; give one of --memory "
                         "and --allow-update")
    return copy_to_memory(path) if memory else open_store(path, read_only=not allow_update)


def explorer_page(path: str | os.PathLike, store=None) -> bytes:
    """graph.html for the served graph: the one beside it if built, else rendered now (small graphs only)."""
    p = Path(path)
    near = p / "graph.html" if p.is_dir() else p.with_name("graph.html")
    if near.is_file():
        return near.read_bytes()
    if store is not None and len(store) <= 50_000:
        from . import explorer
        from .store import to_graph

        try:
            return explorer.render(to_graph(store)).encode("utf-8")
        except Exception as exc:  # the explorer is optional here; the endpoint still works
            import sys

            print(f"warning: no explorer page: {_one_line(exc)}", file=sys.stderr)
    return b"<!doctype html><meta charset=utf-8><title>kg</title><p>SPARQL endpoint: <a href=/sparql>/sparql</a>"


def make_server(path: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878, allow_update: bool = False,
                timeout: float = 30.0, max_rows: int = 10_000, memory: bool = False) -> ThreadingHTTPServer:
    """An HTTP server (not yet started: call ``serve_forever``) for the graph or store at ``path``; ``memory``
    serves a store folder from a copy in memory (see :func:`open_source`)."""
    store = open_source(path, allow_update, memory)
    server = ThreadingHTTPServer((host, port), _Handler)
    server.daemon_threads = True
    server.store, server.allow_update, server.timeout_s, server.max_rows = store, allow_update, timeout, max_rows
    server.page = explorer_page(path, store)
    server.slots = threading.BoundedSemaphore(4)  # queries running at once, stopped or not
    server.write_lock = threading.Lock()
    return server


class _Handler(BaseHTTPRequestHandler):
    server_version = "kg-sparql/1"

    def log_message(self, fmt, *args):  # quiet: one line per request only when asked
        if os.environ.get("KG_SERVE_LOG"):
            super().log_message(fmt, *args)

    # ------------------------------------------------------------ HTTP verbs

    def do_OPTIONS(self):
        self._send(204, b"", "text/plain")

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path in ("/", "/graph.html", "/index.html"):
            return self._send(200, self.server.page, "text/html; charset=utf-8")
        if url.path != "/sparql":
            return self._error(404, f"no such page {url.path}; the endpoint is /sparql")
        args = parse_qs(url.query)
        if "update" in args:
            return self._error(405, "updates must be sent by POST")
        if "query" not in args:
            return self._error(400, "missing the query parameter (GET /sparql?query=...)")
        self._query(args["query"][0], args)

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(404, f"no such endpoint {url.path}; use /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        args = parse_qs(url.query)
        if ctype == "application/sparql-query":
            return self._query(body, args)
        if ctype == "application/sparql-update":
            return self._update(body)
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body)
            args = {**args, **form}
            if "update" in form:
                return self._update(form["update"][0])
            if "query" in form:
                return self._query(form["query"][0], args)
            return self._error(400, "the form has neither query nor update")
        return self._error(415, f"unsupported Content-Type {ctype or '(none)'}")

    def do_PUT(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._error(405, "this endpoint has no Graph Store Protocol; send SPARQL Update by POST to /sparql")

    do_DELETE = do_PUT

    # ------------------------------------------------------------ SPARQL

    def _query(self, text: str, args: dict) -> None:
        import pyoxigraph as ox

        server = self.server
        stop = threading.Event()

        def work():
            result = server.store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
            try:  # the engine's result object must be dropped on the thread that made it
                if isinstance(result, ox.QueryBoolean):
                    return bool(result), None, False
                rows, truncated = [], False
                for item in result:
                    if stop.is_set():
                        raise _Timeout()
                    if len(rows) >= server.max_rows:
                        truncated = True
                        break
                    rows.append(item)
                variables = [v.value for v in result.variables] if isinstance(result, ox.QuerySolutions) else None
                return rows, variables, truncated
            finally:
                del result

        if not server.slots.acquire(timeout=server.timeout_s):
            return self._error(503, "the endpoint is busy with other queries; try again later")
        outcome: dict = {}

        def run():
            try:
                outcome["value"] = work()
            except BaseException as exc:  # handed to the request thread as text
                outcome["error"] = (isinstance(exc, SyntaxError), _one_line(exc))
            finally:
                server.slots.release()

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        worker.join(server.timeout_s)
        if worker.is_alive():
            stop.set()
            return self._error(503, f"the query ran longer than {server.timeout_s:g} s and was stopped")
        error = outcome.get("error")
        if error is not None:
            return self._error(400, f"SPARQL {'syntax error' if error[0] else 'evaluation failed'}: {error[1]}")
        value, variables, truncated = outcome["value"]
        extra = {"X-Kg-Truncated": "true"} if truncated else {}
        if isinstance(value, bool) or variables is not None:
            fmt = self._pick(args, RESULT_TYPES, "json")
            body = _serialize_boolean(value, fmt) if isinstance(value, bool) else _serialize_rows(variables, value, fmt)
            return self._send(200, body, RESULT_TYPES[fmt] + "; charset=utf-8", extra)
        fmt = self._pick(args, GRAPH_TYPES, "turtle")
        rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                      "rdfxml": ox.RdfFormat.RDF_XML}[fmt]
        body = ox.serialize(value, format=rdf_format, prefixes=PREFIXES if fmt == "turtle" else None)
        self._send(200, body, GRAPH_TYPES[fmt] + "; charset=utf-8", extra)

    def _update(self, text: str) -> None:
        if not self.server.allow_update:
            return self._error(403, "this endpoint is read-only (start it with kg serve --allow-update)")
        try:
            with self.server.write_lock:
                self.server.store.update(text, prefixes=PREFIXES)
        except SyntaxError as exc:
            return self._error(400, f"SPARQL syntax error: {_one_line(exc)}")
        except Exception as exc:
            return self._error(400, f"SPARQL update failed: {_one_line(exc)}")
        self._send(204, b"", "text/plain")

    def _pick(self, args: dict, types: dict, default: str) -> str:
        wanted = (args.get("format") or [""])[0].lower()
        aliases = {"ttl": "turtle", "nt": "ntriples", "rdf": "rdfxml", "sparql-results+json": "json"}
        wanted = aliases.get(wanted, wanted)
        if wanted in types:
            return wanted
        ranked = []
        for n, part in enumerate((self.headers.get("Accept") or "").split(",")):
            mime, *opts = [x.strip() for x in part.split(";")]
            q = next((float(o[2:]) for o in opts if o.startswith("q=") and _is_float(o[2:])), 1.0)
            ranked.append((-q, n, mime.lower()))
        for _, _, mime in sorted(ranked):
            if _ACCEPT.get(mime) in types:
                return _ACCEPT[mime]
        return default

    # ------------------------------------------------------------ plumbing

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Expose-Headers", "X-Kg-Truncated")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _term_json(term) -> dict:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _serialize_rows(variables: list[str], rows: list, fmt: str) -> bytes:
    if fmt == "json":
        bindings = [{v: _term_json(row[v]) for v in variables if row[v] is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
        out += [f'<variable name="{v}"/>' for v in variables] + ["</head>", "<results>"]
        for row in rows:
            out.append("<result>")
            for v in variables:
                if row[v] is not None:
                    out.append(f'<binding name="{v}">{_term_xml(row[v])}</binding>')
            out.append("</result>")
        out += ["</results>", "</sparql>"]
        return "\n".join(out).encode("utf-8")
    buf = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([["" if row[v] is None else row[v].value for v in variables] for row in rows])
    else:
        buf.write("\t".join("?" + v for v in variables) + "\n")
        for row in rows:
            buf.write("\t".join("" if row[v] is None else str(row[v]) for v in variables) + "\n")
    return buf.getvalue().encode("utf-8")


def _term_xml(term) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f'<literal xml:lang="{escape(term.language)}">{escape(term.value)}</literal>'
    if term.datatype.value != XSD_STRING:
        return f'<literal datatype="{escape(term.datatype.value)}">{escape(term.value)}</literal>'
    return f"<literal>{escape(term.value)}</literal>"


def _serialize_boolean(value: bool, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{str(value).lower()}</boolean></sparql>").encode()
    return (str(value).lower() + "\n").encode()


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
