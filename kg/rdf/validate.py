"""Check a graph against the SHACL shapes of the public contract (ontology/shapes.ttl) with pyshacl.

>>> # report = validate(graph); report.conforms, report.count, report.violations[:3]
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["Violation", "Validation", "validate", "shapes_path", "available"]


@dataclass(frozen=True)
class Violation:
    """One failed constraint: the node, the property path (if any), the message and its severity."""

    focus: str
    path: str | None
    message: str
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}"


@dataclass(frozen=True)
class Validation:
    conforms: bool
    violations: tuple[Violation, ...]

    @property
    def count(self) -> int:
        return len(self.violations)

    def format(self, first: int = 5) -> str:
        if self.conforms:
            return "SHACL      conforms (0 violations)"
        lines = [f"SHACL      {self.count} violation(s)"]
        lines += [f"  {v}" for v in self.violations[:first]]
        if self.count > first:
            lines.append(f"  ... and {self.count - first} more (kg validate for all)")
        return "\n".join(lines)


def shapes_path() -> Path:
    """The bundled shapes file."""
    return Path(str(files("kg").joinpath("ontology", "shapes.ttl")))


def available() -> bool:
    """True when pyshacl is installed (it is an optional dependency: pip install 'kg[validate]')."""
    import importlib.util

    return importlib.util.find_spec("pyshacl") is not None


def validate(graph: "Graph", shapes: str | os.PathLike | None = None) -> Validation:
    """Validate ``graph`` against ``shapes`` (default: the bundled ontology/shapes.ttl)."""
    from pyshacl import validate as shacl
    from rdflib import Graph
    from rdflib.namespace import RDF, SH

    sg = Graph().parse(str(shapes or shapes_path()), format="turtle")
    conforms, report, _ = shacl(graph, shacl_graph=sg, inference="none", advanced=True, allow_warnings=True)
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(r, SH.resultSeverity)
        path = report.value(r, SH.resultPath)
        out.append(Violation(
            focus=str(report.value(r, SH.focusNode)),
            path=str(path) if path is not None else None,
            message=str(report.value(r, SH.resultMessage) or ""),
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        ))
    out.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return Validation(bool(conforms), tuple(out))
