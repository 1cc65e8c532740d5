"""Running one SPARQL query and writing its result as bytes (SPARQL JSON, XML, CSV, TSV; Turtle, N-Triples,
RDF/XML for graphs). Runs inside a :mod:`kg.store.serve_pool` worker process, so the HTTP process never evaluates a
query itself.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape

from kg.rdf.build import PREFIXES

__all__ = ["RESULT_TYPES", "GRAPH_TYPES", "execute"]

RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {"turtle": "text/turtle", "ntriples": "application/n-triples", "rdfxml": "application/rdf+xml"}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def execute(store, text: str, result_fmt: str, graph_fmt: str, max_rows: int) -> tuple[int, bytes, str, dict]:
    """Run ``text`` on ``store``: ``(status, body, content type, extra headers)``; errors are 400 with one line."""
    import pyoxigraph as ox

    try:
        result = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        return _text(400, f"SPARQL syntax error: {_one_line(exc)}")
    except Exception as exc:  # evaluation errors of the engine (OSError, RuntimeError, ValueError ...)
        return _text(400, f"SPARQL evaluation failed: {_one_line(exc)}")
    try:
        if isinstance(result, ox.QueryBoolean):
            return 200, _serialize_boolean(bool(result), result_fmt), RESULT_TYPES[result_fmt] + "; charset=utf-8", {}
        rows, truncated = [], False
        for item in result:
            if len(rows) >= max_rows:
                truncated = True
                break
            rows.append(item)
        extra = {"X-Kg-Truncated": "true"} if truncated else {}
        if isinstance(result, ox.QuerySolutions):
            body = _serialize_rows([v.value for v in result.variables], rows, result_fmt)
            return 200, body, RESULT_TYPES[result_fmt] + "; charset=utf-8", extra
        rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                      "rdfxml": ox.RdfFormat.RDF_XML}[graph_fmt]
        body = ox.serialize(rows, format=rdf_format, prefixes=PREFIXES if graph_fmt == "turtle" else None)
        return 200, body, GRAPH_TYPES[graph_fmt] + "; charset=utf-8", extra
    except Exception as exc:
        return _text(400, f"SPARQL evaluation failed: {_one_line(exc)}")


def _text(status: int, message: str) -> tuple[int, bytes, str, dict]:
    return status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", {}


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


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
