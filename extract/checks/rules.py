"""Relations declared as data: which figures of a structure, how they combine, what rounding.

A `Rule` names its inputs by attribute path on the structure it checks ('budget.current',
'staffing.reductions'; a leading '-' subtracts), the figure the terms must come to, what it
means when they do not, and its tolerance policy: "rounding" (each figure exact to half its
last printed digit, see relation.py) or "exact" (counted things). A rule whose inputs are not
all printed does not apply: nothing is evaluated, nothing recorded.

Rules that must first find their inputs (a total row in a table, a figure's role in a
report sentence) stay small functions returning Relations; the registry in __init__ runs
both kinds the same way.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from extract.checks.relation import Term, relation
from extract.models import Figure, Relation

Tolerance = Literal["rounding", "exact"]


@dataclass(frozen=True)
class Notes:
    """What the structure itself says about a difference (e.g. a card's staffing notes)."""

    qualifier: str = ""  # appended to the meaning
    explanation: str | None = None  # quoted in the finding
    explains: Callable[[float, float], bool] | None = None  # True when it accounts for the whole difference


@dataclass(frozen=True)
class Rule:
    """Σ terms = stated, between figures of one structure (or of a pair of structures)."""

    id: str
    terms: tuple[str, ...]  # attribute paths; '-' in front subtracts; a list adds every item
    stated: str  # attribute path of the stated figure (a list: the sum of its items)
    meaning: str  # what a difference means; '{table.service}' and the like are filled in from the item
    subject: str = "service"  # attribute path of the name findings give
    structure: str = "id"  # attribute path of the id relations[] give
    min_parts: int = 1  # a list input needs at least this many figures
    tolerance: Tolerance = "rounding"
    notes: Callable[[Any], Notes] | None = None

    def __call__(self, item: Any) -> Iterator[Relation | None]:
        terms: list[Term] = []
        for path in self.terms:
            sign = -1 if path.startswith("-") else 1
            figures = _figures(item, path.lstrip("-"))
            if len(figures) < (self.min_parts if _is_list(item, path.lstrip("-")) else 1):
                return
            terms += [Term(f, sign) for f in figures]
        stated = _figures(item, self.stated)
        if not stated:
            return
        notes = self.notes(item) if self.notes is not None else Notes()
        yield relation(
            self.id, str(_get(item, self.subject)), terms, stated, _fill(self.meaning, item) + notes.qualifier,
            explanation=notes.explanation, explains=notes.explains, exact=self.tolerance == "exact",
            structure=_get(item, self.structure),
        )


def _get(item: Any, path: str) -> Any:
    for name in path.split("."):
        item = getattr(item, name)
    return item


def _is_list(item: Any, path: str) -> bool:
    return isinstance(_get(item, path), list)


def _figures(item: Any, path: str) -> list[Figure]:
    value = _get(item, path)
    if isinstance(value, Figure):
        return [value]
    return list(value) if isinstance(value, list) else []


def _fill(meaning: str, item: Any) -> str:
    """'{table.service}' in a meaning names the item's own figures' structure."""
    return meaning.format(**vars(item)) if "{" in meaning else meaning


Check = Callable[[Any], Iterator[Relation | None]]  # None: a figure without a value, nothing computed


@dataclass(frozen=True)
class Pass:
    """Checks over one kind of structure. `by` is the order the relations are listed in:
    "rule" (each check over every item, then the next check) or "item" (every check on one
    item, then the next item); the published order of findings depends on it."""

    items: Callable[[Any], Sequence[Any]]
    checks: Sequence[Check]
    by: Literal["rule", "item"] = "rule"

    def run(self, extraction: Any) -> Iterator[Relation]:
        items = self.items(extraction)
        if self.by == "rule":
            for check in self.checks:
                for item in items:
                    yield from _placed(check(item), item)
        else:
            for item in items:
                for check in self.checks:
                    yield from _placed(check(item), item)


def _placed(relations: Iterable[Relation | None], item: Any) -> Iterator[Relation]:
    """A relation a rule did not place is placed in the structure the rule was given. None
    (a figure printed ambiguously, with no value to compute with) is not a relation: dropped."""
    structure = getattr(item, "id", None)
    for evaluated in relations:
        if evaluated is None:
            continue
        if evaluated.structure is None and isinstance(structure, str):
            evaluated = evaluated.model_copy(update={"structure": structure})
        yield evaluated
