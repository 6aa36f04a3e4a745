"""docs/architecture.md kept true: each app imports only the floors below it (the contract in
pyproject.toml, checked by import-linter), and no module imports itself through others."""

import tomllib
from pathlib import Path

import grimp
from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def stated_layers() -> list[grimp.Layer]:
    """The floors as pyproject.toml states them: `|` between independent apps, `:` between
    modules of one floor that may import each other."""
    contract = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"][0]
    layers = []
    for floor in contract["layers"]:
        independent = ":" not in floor
        names = [name.strip() for name in floor.replace(":", "|").split("|")]
        tails = [name.removeprefix("exitlens.") for name in names]
        layers.append(grimp.Layer(*tails, independent=independent))
    return layers


def import_cycles(graph: grimp.ImportGraph) -> list[set[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan)."""
    order: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[set[str]] = []

    def visit(module: str) -> None:
        order[module] = lowest[module] = len(order)
        stack.append(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in order:
                visit(imported)
                lowest[module] = min(lowest[module], lowest[imported])
            elif imported in stack:
                lowest[module] = min(lowest[module], order[imported])
        if lowest[module] == order[module]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(group)

    for module in sorted(graph.modules):
        if module not in order:
            visit(module)
    return cycles


def test_no_import_runs_against_the_stated_direction():
    assert lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True) == 0


def test_an_import_up_the_floors_would_be_caught():
    graph = grimp.build_graph("exitlens")
    assert not graph.find_illegal_dependencies_for_layers(stated_layers(), {"exitlens"})

    graph.add_import(importer="exitlens.core.access", imported="exitlens.staff.forms")
    graph.add_import(importer="exitlens.imports.departures", imported="exitlens.webhooks.models")

    illegal = graph.find_illegal_dependencies_for_layers(stated_layers(), {"exitlens"})
    assert {(found.importer, found.imported) for found in illegal} == {
        ("exitlens.core", "exitlens.staff"),
        ("exitlens.imports", "exitlens.webhooks"),
    }


def test_no_module_imports_itself_through_others():
    graph = grimp.build_graph("exitlens")
    assert import_cycles(graph) == []

    graph.add_import(importer="exitlens.core.queue", imported="exitlens.core.services.coding")
    assert import_cycles(graph) == [{"exitlens.core.queue", "exitlens.core.services.coding"}]
