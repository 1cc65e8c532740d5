"""``kg serve``: a SPARQL 1.1 Protocol endpoint over pyoxigraph, with the HTML explorer beside it.

``/sparql`` takes queries by GET (``?query=``) and POST (``application/sparql-query`` or form-encoded
``query=``; updates as ``application/sparql-update`` or ``update=`` only with ``allow_update``). Results are
SPARQL JSON, XML, CSV or TSV, chosen by ``?format=`` or the Accept header; graphs (CONSTRUCT/DESCRIBE) are
Turtle, N-Triples or RDF/XML. ``/`` serves the explorer.

Defences: a query is bounded before it runs (size, bracket depth; SERVICE and LOAD refused unless
``allow_service``; :mod:`kg.store.sparqlcheck`); it runs in a worker process that is killed at ``timeout``, with a
bounded queue and a reserve of workers for quick queries (:mod:`kg.store.serve_pool`); results are cut after
``max_rows`` rows (header ``X-Kg-Truncated: true``); connections that send nothing for ``READ_TIMEOUT`` seconds
are closed, at most ``MAX_CONNECTIONS`` are served at once, request bodies are bounded; no CORS headers unless
an origin is allowed (``cors_origins``); an update from a browser page of another origin is refused (Origin,
Referer and Sec-Fetch-Site checked against the Host), so a cross-site form cannot change the graph.
"""

from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.rdf.build import PREFIXES
from .serve_results import GRAPH_TYPES, RESULT_TYPES

__all__ = ["make_server", "open_source", "explorer_page", "RESULT_TYPES", "is_loopback"]

_ACCEPT = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "text/turtle": "turtle", "application/n-triples": "ntriples", "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
}
READ_TIMEOUT = 15.0  # seconds a connection may stay silent while a request is read
MAX_CONNECTIONS = 512  # connections served at once; more are answered 503 at once
MAX_BODY = 1_000_000  # bytes of a POST body (a query is bounded far below by kg.store.sparqlcheck)


def open_source(path: str | os.PathLike, allow_update: bool = False, memory: bool = False):
    """A store folder opened (read-only unless ``allow_update``) or, with ``memory``, copied into memory;
    a graph file is always loaded into memory."""
    from .query import QueryError
    from .oxigraph import copy_to_memory, is_store, load_memory, open_store

    if not is_store(path):
        return load_memory(path)
    if memory and allow_update:
        raise QueryError(f"{path}: --memory serves a copy, so updates would be lost; give one of --memory "
                         "and --allow-update")
    return copy_to_memory(path) if memory else open_store(path, read_only=not allow_update)


def explorer_page(path: str | os.PathLike, store=None, render=None) -> bytes:
    """graph.html for the served graph: the one beside it if built, else rendered now by ``render(graph)`` (the
    explorer, :func:`kg.viz.explorer.render`, which the command passes in; small graphs only)."""
    p = Path(path)
    near = p / "graph.html" if p.is_dir() else p.with_name("graph.html")
    if near.is_file():
        return near.read_bytes()
    if store is not None and render is not None and len(store) <= 50_000:
        from .oxigraph import to_graph

        try:
            return render(to_graph(store)).encode("utf-8")
        except Exception as exc:  # the explorer is optional here; the endpoint still works
            import sys

            print(f"warning: no explorer page: {_one_line(exc)}", file=sys.stderr)
    return b"<!doctype html><meta charset=utf-8><title>kg</title><p>SPARQL endpoint: <a href=/sparql>/sparql</a>"


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host in ("localhost", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # listen backlog: a burst of clients waits in the kernel, not in SYN retries

    def process_request(self, request, client_address):
        if not self.connections.acquire(blocking=False):
            try:
                request.sendall(b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                                b"Content-Length: 28\r\nConnection: close\r\n\r\ntoo many connections; retry\n")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.connections.release()

    def server_close(self):  # also called by the constructor when the address cannot be bound
        super().server_close()
        if getattr(self, "pool", None) is not None:
            self.pool.close()


def make_server(path: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878, allow_update: bool = False,
                timeout: float = 30.0, max_rows: int = 10_000, memory: bool = False, *,
                allow_service: bool = False, cors_origins: tuple[str, ...] = (), workers: int = 8,
                queue: int = 512, render=None) -> ThreadingHTTPServer:
    """An HTTP server (not yet started: call ``serve_forever``) for the graph or store at ``path``; ``memory``
    serves a store folder from a copy in memory (see :func:`open_source`). ``workers`` query processes are
    forked now; ``server_close()`` ends them. ``render(graph)`` makes the page at / when no graph.html is beside
    the graph (the store stage does not import the explorer: ``kg serve`` passes it in)."""
    from .serve_pool import Pool
    from .oxigraph import is_store

    store = open_source(path, allow_update, memory)
    page = explorer_page(path, store, render)
    on_disk = is_store(path) and not memory
    folder = str(path)

    def opener():  # in the worker: its own read-only handle on a folder, else the inherited in-memory store
        if on_disk:
            from .oxigraph import open_store

            return open_store(folder, read_only=True), max_rows
        return store, max_rows

    pool = Pool(opener, _run_job, size=max(workers, 2), reserve=max(workers, 2) // 2, queue=queue)
    try:
        server = _Server((host, port), _Handler)
    except BaseException:
        pool.close()
        raise
    server.store, server.allow_update, server.timeout_s, server.max_rows = store, allow_update, timeout, max_rows
    server.allow_service, server.cors_origins = allow_service, tuple(o.rstrip("/") for o in cors_origins)
    server.page, server.pool, server.on_disk = page, pool, on_disk
    server.write_lock = threading.Lock()
    server.connections = threading.BoundedSemaphore(MAX_CONNECTIONS)
    return server


def _run_job(state, job):
    from .serve_results import execute

    store, max_rows = state
    return execute(store, *job, max_rows)


class _Handler(BaseHTTPRequestHandler):
    server_version = "kg-sparql/1"
    timeout = READ_TIMEOUT  # socket timeout while reading a request: a silent client is dropped

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
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._error(400, "bad Content-Length")
        if length > MAX_BODY or length < 0:
            self.close_connection = True
            return self._error(413, f"the request body is over {MAX_BODY:,} bytes")
        body = self.rfile.read(length).decode("utf-8", "replace")
        if url.path != "/sparql":
            return self._error(404, f"no such endpoint {url.path}; use /sparql")
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
        self.close_connection = True
        self._error(405, "this endpoint has no Graph Store Protocol; send SPARQL Update by POST to /sparql")

    do_DELETE = do_PUT

    # ------------------------------------------------------------ SPARQL

    def _query(self, text: str, args: dict) -> None:
        from .serve_pool import Busy, Crashed, Stopped
        from .sparqlcheck import QueryRejected, check

        server = self.server
        try:
            check(text, allow_service=server.allow_service)
        except QueryRejected as exc:
            return self._error(400, f"query refused: {exc}")
        job = (text, self._pick(args, RESULT_TYPES, "json"), self._pick(args, GRAPH_TYPES, "turtle"))
        try:
            status, body, ctype, extra = server.pool.run(job, server.timeout_s)
        except Busy as exc:
            return self._error(503, f"the endpoint is busy ({exc}); try again later", {"Retry-After": "1"})
        except Stopped as exc:
            budget, full = exc.args
            if full:
                return self._error(503, f"the query ran longer than {server.timeout_s:g} s and was stopped")
            return self._error(503, f"the query ran longer than {budget:g} s while slow queries filled the "
                                    "endpoint, and was stopped; try again later", {"Retry-After": "1"})
        except Crashed as exc:
            return self._error(500, f"the query could not be run: {exc}")
        self._send(status, body, ctype, extra)

    def _update(self, text: str) -> None:
        from .sparqlcheck import QueryRejected, check

        server = self.server
        if not server.allow_update:
            return self._error(403, "this endpoint is read-only (start it with kg serve --allow-update)")
        refused = self._cross_site()
        if refused:
            return self._error(403, f"update refused: {refused}")
        try:
            check(text, allow_service=server.allow_service)
        except QueryRejected as exc:
            return self._error(400, f"update refused: {exc}")
        try:
            with server.write_lock:
                server.store.update(text, prefixes=PREFIXES)
                if server.on_disk:
                    server.store.flush()
                server.pool.refresh()  # the workers' views are replaced, so the next query sees the change
        except SyntaxError as exc:
            return self._error(400, f"SPARQL syntax error: {_one_line(exc)}")
        except Exception as exc:
            return self._error(400, f"SPARQL update failed: {_one_line(exc)}")
        self._send(204, b"", "text/plain")

    def _cross_site(self) -> str | None:
        """Why a state-changing request comes from another site's page, or None: a browser names the page's
        origin (Origin, else Referer; Sec-Fetch-Site). Clients that are not browsers send none of them."""
        if (self.headers.get("Sec-Fetch-Site") or "").lower() == "cross-site":
            return "a cross-site request from a browser"
        origin = self.headers.get("Origin")
        if origin is None and self.headers.get("Referer"):
            parts = urlsplit(self.headers["Referer"])
            origin = f"{parts.scheme}://{parts.netloc}"
        if origin is None:
            return None
        if origin.rstrip("/") in self.server.cors_origins:
            return None
        parts = urlsplit(origin)
        if parts.scheme in ("http", "https") and parts.netloc and parts.netloc == (self.headers.get("Host") or ""):
            return None
        return f"the request comes from a page of another origin ({origin[:100]})"

    def _pick(self, args: dict, types: dict, default: str) -> str:
        wanted = (args.get("format") or [""])[0].lower()
        aliases = {"ttl": "turtle", "nt": "ntriples", "rdf": "rdfxml", "sparql-results+json": "json"}
        wanted = aliases.get(wanted, wanted)
        if wanted in types:
            return wanted
        ranked = []
        for n, part in enumerate((self.headers.get("Accept") or "").split(",")[:50]):
            mime, *opts = [x.strip() for x in part.split(";")]
            q = next((float(o[2:]) for o in opts if o.startswith("q=") and _is_float(o[2:])), 1.0)
            ranked.append((-q, n, mime.lower()))
        for _, _, mime in sorted(ranked):
            if _ACCEPT.get(mime) in types:
                return _ACCEPT[mime]
        return default

    # ------------------------------------------------------------ plumbing

    def _error(self, status: int, message: str, extra: dict | None = None) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", extra)

    def _send(self, status: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        origin = (self.headers.get("Origin") or "").rstrip("/")
        allowed = self.server.cors_origins
        if allowed and ("*" in allowed or origin in allowed):  # CORS only for the origins the user allowed
            self.send_header("Access-Control-Allow-Origin", "*" if "*" in allowed else origin)
            self.send_header("Vary", "Origin")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Expose-Headers", "X-Kg-Truncated")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
