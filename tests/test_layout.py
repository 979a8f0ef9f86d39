"""The plugin's tree shows the flow: each step a folder, imports only downward.

Layers, lowest first: ``format`` and ``build`` (neither imports the other, nor
anything above), ``reading``, ``site``, ``exports``, then ``volunteer`` and the
package's own ``__init__`` (the Pelican wiring) on top.
"""

from __future__ import annotations

import ast
from pathlib import Path

PLUGIN = Path(__file__).resolve().parents[1] / "plugins" / "conseil_ouvert"
LAYERS = {"format": 0, "build": 0, "reading": 1, "site": 2, "exports": 3, "volunteer": 4, "": 5}
MAX_LINES = 400


def module_of(path: Path) -> str:
    parts = list(path.relative_to(PLUGIN).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """The plugin modules ``path`` imports, as dotted names under the package."""
    here = module_of(path).split(".") if module_of(path) else []
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            target = [*base, *(node.module.split(".") if node.module else [])]
            for alias in node.names:
                full = ".".join([*target, alias.name])
                found.add(
                    full
                    if (PLUGIN / Path(*full.split("."))).with_suffix(".py").exists()
                    or (PLUGIN / Path(*full.split("."))).is_dir()
                    else ".".join(target)
                )
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("conseil_ouvert"):
            found.add(node.module.removeprefix("conseil_ouvert").lstrip("."))
    return found


def layer(module: str) -> int:
    return LAYERS[module.split(".")[0] if "." in module or module in LAYERS else ""]


def modules() -> list[Path]:
    return sorted(p for p in PLUGIN.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_sits_in_a_step_folder() -> None:
    loose = [module_of(p) for p in modules() if p.parent == PLUGIN and p.name != "__init__.py"]
    assert not loose, f"modules outside a step folder: {loose}"
    steps = {p.relative_to(PLUGIN).parts[0] for p in modules() if p.parent != PLUGIN}
    assert steps <= set(LAYERS), f"a folder that is no declared step: {steps - set(LAYERS)}"


def test_no_import_runs_upward() -> None:
    upward = []
    for path in modules():
        here = module_of(path)
        for target in imports_of(path):
            if target and layer(target) > layer(here):
                upward.append(f"{here} imports {target}")
            if {layer(here), layer(target)} == {0} and here.split(".")[0] != target.split(".")[0]:
                upward.append(f"{here} imports {target} (format and build stay apart)")
    assert not upward, "\n".join(upward)


def test_no_import_cycle() -> None:
    graph = {module_of(p): imports_of(p) for p in modules()}
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            if nxt not in graph or nxt == node:
                continue
            if state.get(nxt) == 1:
                cycles.append(" → ".join([*trail[trail.index(nxt) :], nxt]))
            elif not state.get(nxt):
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for node in graph:
        if not state.get(node):
            visit(node, [node])
    assert not cycles, "\n".join(cycles)


def test_no_module_is_too_long_to_read() -> None:
    long = {
        module_of(p): n
        for p in modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_the_architecture_table_names_the_tree() -> None:
    """docs/architecture.md names every module where it lives."""
    doc = (PLUGIN.parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [
        str(p.relative_to(PLUGIN))
        for p in modules()
        if p.name != "__init__.py" and str(p.relative_to(PLUGIN)) not in doc
    ]
    assert not missing, f"docs/architecture.md does not name: {missing}"
