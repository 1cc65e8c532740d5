"""``kg push``: load the graph into a running triple store over HTTP, replacing the target graph in one step.

The triples are first uploaded into a temporary named graph (``urn:kg:push:<random>``): by the SPARQL 1.1 Graph
Store HTTP Protocol (the first batch of N-Triples PUT, the rest POSTed) or, when the endpoint does not speak it
(400/404/405/415 on the PUT), by SPARQL Update (INSERT DATA per batch). Then one SPARQL Update request,
``MOVE GRAPH <temporary> TO <target>``, replaces the target; a store runs one update request as one transaction,
so readers see the old graph or the new one, never half. If an upload fails, the temporary graph is dropped and
the error says the target was not changed. The update URL is ``--update-endpoint``, else the endpoint's sibling
``update`` (``…/store`` -> ``…/update``, as in Oxigraph and Fuseki), else the endpoint itself. A store with no
SPARQL Update at all gets the whole graph in one PUT (one request, so again all or nothing).

Redirects are not followed unless they stay on the same scheme, host and port and keep the method (307, 308);
credentials are never sent anywhere else. User info in a URL (``http://user:pass@host/``) is used for HTTP Basic
authentication and never printed.
"""

from __future__ import annotations

import base64
import secrets
import sys
import urllib.error
import urllib.request
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit, urlunsplit

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

__all__ = ["PushError", "push", "ntriples", "safe_url"]

_NO_GSP = (400, 404, 405, 415)


class PushError(Exception):
    """The endpoint refused the data or could not be reached; the message is one line for the user."""


def ntriples(graph: "Graph") -> list[str]:
    """The graph as sorted N-Triples lines with canonical IRIs (see :func:`kg.store.export.canonical_iri`)."""
    from .export import canonical

    text = canonical(graph).serialize(format="nt")
    return sorted(line for line in text.splitlines() if line.strip())


def safe_url(url: str) -> str:
    """``url`` without user info (``http://user:secret@host/`` -> ``http://host/``), for messages."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc.rpartition("@")[2]
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    except ValueError:
        return "(a malformed URL)"


def _parse(url: str, what: str = "endpoint") -> tuple[str, str | None, str | None]:
    """(url without user info, user, password) of an http(s) URL; PushError for a malformed one."""
    shown = safe_url(url)
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a port that is not a number or out of range
    except ValueError as exc:
        raise PushError(f"malformed {what} URL {shown}: {' '.join(str(exc).split())}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"malformed {what} URL {shown}: expected http://host[:port]/path or https://…")
    if any(ord(c) <= 32 for c in url):
        raise PushError(f"malformed {what} URL {shown}: spaces or control characters")
    user = password = None
    if "@" in parts.netloc:
        info = parts.netloc.rpartition("@")[0]
        user, _, password = (unquote(x) for x in info.partition(":"))
    return safe_url(url), user, password


def push(graph: "Graph", endpoint: str, graph_iri: str | None = None, user: str | None = None,
         password: str | None = None, batch_size: int = 20_000, progress: bool = True,
         update_endpoint: str | None = None) -> dict:
    """Replace ``graph_iri`` (default: the default graph) at ``endpoint`` with ``graph``, all at once.
    Returns ``{"triples": n, "batches": k, "protocol": "graph-store" | "update" | "graph-store (one request)"}``."""
    from tqdm import tqdm

    endpoint, url_user, url_password = _parse(endpoint)
    if user is None and url_user is not None:
        user, password = url_user, url_password
    candidates = [_parse(update_endpoint, "update endpoint")[0]] if update_endpoint else _update_urls(endpoint)
    client = _Client(user, password)
    lines = ntriples(graph)
    batches = [lines[i:i + batch_size] for i in range(0, len(lines), batch_size)] or [[]]
    temp = f"urn:kg:push:{secrets.token_hex(8)}"
    update_url = next((u for u in candidates if client.try_update(u, f"DROP SILENT GRAPH <{temp}>")), None)
    if update_url is None:  # no SPARQL Update: one PUT of everything is the only all-or-nothing way
        client.send(_gsp(endpoint, graph_iri), "PUT", _body(lines), "application/n-triples", endpoint)
        return {"triples": len(lines), "batches": 1, "protocol": "graph-store (one request)"}
    protocol = "graph-store"
    try:
        with tqdm(total=len(lines), unit="triple", disable=None if progress else True, file=sys.stderr,
                  desc="push") as bar:
            for n, batch in enumerate(batches):
                if protocol == "graph-store":
                    status = client.send(_gsp(endpoint, temp), "PUT" if n == 0 else "POST", _body(batch),
                                         "application/n-triples", endpoint, tolerate=_NO_GSP if n == 0 else ())
                    if status in _NO_GSP:
                        protocol = "update"
                if protocol == "update" and batch:
                    inner = "\n".join(batch)
                    client.send(update_url, "POST", f"INSERT DATA {{ GRAPH <{temp}> {{\n{inner}\n}} }}".encode(),
                                "application/sparql-update", update_url)
                bar.update(len(batch))
        target = f"GRAPH <{graph_iri}>" if graph_iri else "DEFAULT"
        client.send(update_url, "POST", f"MOVE SILENT GRAPH <{temp}> TO {target}".encode(),
                    "application/sparql-update", update_url)
    except PushError as exc:
        client.try_update(update_url, f"DROP SILENT GRAPH <{temp}>")
        raise PushError(f"{exc}; the target graph was not changed") from None
    return {"triples": len(lines), "batches": len(batches), "protocol": protocol}


def _update_urls(endpoint: str) -> list[str]:
    parts = urlsplit(endpoint)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    urls = []
    if last and last != "update":
        urls.append(urlunsplit((parts.scheme, parts.netloc, f"{head}/update", "", "")))
    return urls + [endpoint]


def _gsp(endpoint: str, graph_iri: str | None) -> str:
    sep = "&" if "?" in endpoint else "?"
    return endpoint + sep + (f"graph={quote(graph_iri, safe='')}" if graph_iri else "default")


def _body(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follow only 307/308 to the same scheme, host and port (method, body and credentials kept); refuse the rest."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        old, new = urlsplit(req.full_url), urlsplit(newurl)
        same = (old.scheme, old.hostname, old.port) == (new.scheme, new.hostname, new.port)
        if code in (307, 308) and same:
            return urllib.request.Request(newurl, data=req.data, headers=dict(req.header_items()),
                                          method=req.get_method())
        why = "to another host or port" if not same else f"with HTTP {code}, which would drop the data"
        raise PushError(f"{safe_url(req.full_url)} redirected {why} ({safe_url(newurl)}); not followed, "
                        "give the final URL")


class _Client:
    def __init__(self, user: str | None, password: str | None):
        self.headers = {}
        if user is not None:
            token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
            self.headers["Authorization"] = f"Basic {token}"
        self.opener = urllib.request.build_opener(_SameOriginRedirects())

    def try_update(self, url: str, update: str) -> bool:
        """Does ``url`` take SPARQL Update? (an update that changes nothing that matters)"""
        try:
            status = self.send(url, "POST", update.encode(), "application/sparql-update", safe_url(url),
                               tolerate=(400, 401, 403, 404, 405, 415))
        except PushError:
            return False
        if status in (401, 403):
            raise PushError(f"{safe_url(url)} refused the data: HTTP {status} (give --user and --password-env)")
        return status < 300

    def send(self, url: str, method: str, body: bytes, ctype: str, shown: str, tolerate: tuple[int, ...] = ()) -> int:
        request = urllib.request.Request(url, data=body, method=method,
                                         headers={"Content-Type": f"{ctype}; charset=utf-8", **self.headers})
        try:
            with self.opener.open(request, timeout=300) as response:
                self.last = response.status
                return response.status
        except urllib.error.HTTPError as exc:
            self.last = exc.code
            if exc.code in tolerate:
                return exc.code
            detail = " ".join(exc.read(300).decode("utf-8", "replace").split())[:200]
            hint = " (give --user and --password-env)" if exc.code in (401, 403) else ""
            raise PushError(f"{shown} refused the data: HTTP {exc.code} {exc.reason}{hint}"
                            + (f": {detail}" if detail else "")) from None
        except urllib.error.URLError as exc:
            reason = getattr(exc.reason, "strerror", None) or str(exc.reason)
            raise PushError(f"cannot reach {shown}: {reason}") from None
        except (OSError, ValueError) as exc:
            raise PushError(f"cannot reach {shown}: {' '.join(str(exc).split())}") from None
