"""The package's imports run one way: base → read → pack → figures → structures →
pipeline → batch / review / compare → cli / serve, and `checks` sees only the models, settings and vocabulary.
A back-arrow fails."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "extract"

# Each layer may import itself and the layers listed after it (lower ones).
LAYERS = [
    ("cli", "serve", "__main__"),
    ("batch", "review", "compare"),
    ("pipeline", "output"),
    ("checks",),
    ("structures",),
    ("figures",),
    ("pack",),
    ("read",),
    ("models", "figure_model", "errors", "settings", "vocabulary", "__init__"),
]
# `checks` is pure arithmetic over the models (with the tolerances and the words of totals):
# nothing else of the package.
ONLY = {"checks": {"checks", "models", "figure_model", "settings", "vocabulary"}}


def _layer_of(part: str) -> int:
    for index, names in enumerate(LAYERS):
        if part in names:
            return index
    raise AssertionError(f"extract.{part} is in no layer of the import contract")


def _module_part(path: Path, package: Path = PACKAGE) -> str:
    rel = path.relative_to(package)
    return rel.parts[0].removesuffix(".py")


def _imported_parts(path: Path, package: Path = PACKAGE) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    parts: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            bits = name.split(".")
            if bits[0] == "extract" and len(bits) > 1 and (package / bits[1]).with_suffix(".py").exists() \
                    or bits[0] == "extract" and len(bits) > 1 and (package / bits[1]).is_dir():
                parts.add(bits[1])
    return parts


def _violations(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        own = _module_part(path, package)
        for part in _imported_parts(path, package) - {own}:
            if part in {"__init__"}:
                continue
            allowed = ONLY.get(own)
            if allowed is not None and part not in allowed:
                found.append(f"{path.relative_to(package.parent)} imports extract.{part} "
                             f"({own} may import only {sorted(allowed)})")
            elif _layer_of(part) < _layer_of(own):
                found.append(f"{path.relative_to(package.parent)} imports extract.{part}, a layer above {own}")
    return found


def test_imports_run_one_way_down_the_layers():
    assert _violations() == []


def test_every_module_belongs_to_a_layer():
    for path in PACKAGE.rglob("*.py"):
        _layer_of(_module_part(path))


def test_a_back_arrow_would_be_caught(tmp_path):
    # The contract is only worth something if it can fail: in a package laid out the same
    # way, a read/ module importing structures/ is reported, and checks/ importing read/ too.
    package = tmp_path / "extract"
    for folder in ("read", "structures", "checks"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("")
    (package / "read" / "probe.py").write_text("from extract.structures import cards\n")
    (package / "checks" / "probe.py").write_text("import extract.read.text\n")
    (package / "structures" / "fine.py").write_text("from extract.read import text\n")
    found = _violations(package)
    assert len(found) == 2
    assert any("read/probe.py imports extract.structures" in v for v in found)
    assert any("checks/probe.py imports extract.read" in v for v in found)


# --- no two modules import each other, even through others or inside a function ---------------

def _module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_imports(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's modules it imports anywhere in its text (a function's import too:
    it closes a cycle as surely when it runs)."""
    paths = {_module_name(p, package): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found |= {full if (full := f"{node.module}.{a.name}") in paths else node.module for a in node.names}
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
        graph[name] = {m for m in found if m in paths and m != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that reach each other (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while (w := stack.pop()) != v:
                group.append(w)
            if group:
                found.append(sorted([v, *group]))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_modules_import_each_other():
    assert _cycles(_module_imports()) == []


def test_a_cycle_through_a_functions_import_would_be_caught(tmp_path):
    package = tmp_path / "extract"
    (package / "read").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "read" / "__init__.py").write_text("")
    (package / "read" / "one.py").write_text("from extract.read.two import b\n")
    (package / "read" / "two.py").write_text("def b():\n    from extract.read import three\n")
    (package / "read" / "three.py").write_text("import extract.read.one\n")
    assert _cycles(_module_imports(package)) == [["extract.read.one", "extract.read.three", "extract.read.two"]]
