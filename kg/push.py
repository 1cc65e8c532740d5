"""``kg push``: load the graph into a running triple store over HTTP.

Uses the SPARQL 1.1 Graph Store HTTP Protocol: the first batch of N-Triples is PUT (replacing the target graph),
the rest are POSTed (appended), so pushing the same graph twice leaves the same graph. When the endpoint does not
speak that protocol (404/405/415 on the PUT) it falls back to SPARQL Update at the same URL: CLEAR the graph,
then INSERT DATA per batch. Between the first and the last batch the target graph is incomplete.
"""

from __future__ import annotations

import base64
import sys
import urllib.error
import urllib.request
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

__all__ = ["PushError", "push", "ntriples"]


class PushError(Exception):
    """The endpoint refused the data or could not be reached; the message is one line for the user."""


def ntriples(graph: "Graph") -> list[str]:
    """The graph as sorted N-Triples lines with canonical IRIs (see :func:`kg.export.canonical_iri`)."""
    from .export import canonical

    text = canonical(graph).serialize(format="nt")
    return sorted(line for line in text.splitlines() if line.strip())


def push(graph: "Graph", endpoint: str, graph_iri: str | None = None, user: str | None = None,
         password: str | None = None, batch_size: int = 20_000, progress: bool = True) -> dict:
    """Replace ``graph_iri`` (default: the default graph) at ``endpoint`` with ``graph``.
    Returns ``{"triples": n, "batches": k, "protocol": "graph-store" | "update"}``."""
    from tqdm import tqdm

    lines = ntriples(graph)
    batches = [lines[i:i + batch_size] for i in range(0, len(lines), batch_size)] or [[]]
    headers = {}
    if user is not None:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    sep = "&" if "?" in endpoint else "?"
    target = endpoint + sep + (f"graph={quote(graph_iri, safe='')}" if graph_iri else "default")
    protocol = "graph-store"
    with tqdm(total=len(lines), unit="triple", disable=None if progress else True, file=sys.stderr, desc="push") as bar:
        for n, batch in enumerate(batches):
            body = ("\n".join(batch) + "\n").encode("utf-8") if batch else b""
            if protocol == "graph-store":
                status = _send(target, "PUT" if n == 0 else "POST", body, "application/n-triples", headers,
                               endpoint, tolerate=(400, 404, 405, 415) if n == 0 else ())
                if status in (400, 404, 405, 415):
                    protocol = "update"
                    clear = f"CLEAR SILENT GRAPH <{graph_iri}>" if graph_iri else "CLEAR SILENT DEFAULT"
                    _send(endpoint, "POST", clear.encode(), "application/sparql-update", headers, endpoint)
            if protocol == "update" and batch:
                inner = "\n".join(batch)
                update = f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{inner}\n}} }}" if graph_iri \
                    else f"INSERT DATA {{\n{inner}\n}}"
                _send(endpoint, "POST", update.encode("utf-8"), "application/sparql-update", headers, endpoint)
            bar.update(len(batch))
    return {"triples": len(lines), "batches": len(batches), "protocol": protocol}


def _send(url: str, method: str, body: bytes, ctype: str, headers: dict, endpoint: str,
          tolerate: tuple[int, ...] = ()) -> int:
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": f"{ctype}; charset=utf-8", **headers})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        if exc.code in tolerate:
            return exc.code
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())[:200]
        hint = " (give --user and --password-env)" if exc.code in (401, 403) else ""
        raise PushError(f"{endpoint} refused the data: HTTP {exc.code} {exc.reason}{hint}"
                        + (f": {detail}" if detail else "")) from None
    except urllib.error.URLError as exc:
        reason = getattr(exc.reason, "strerror", None) or str(exc.reason)
        raise PushError(f"cannot reach {endpoint}: {reason}") from None
    except (OSError, ValueError) as exc:
        raise PushError(f"cannot reach {endpoint}: {' '.join(str(exc).split())}") from None
