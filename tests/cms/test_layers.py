"""The apps import each other in one direction only: each layer may import the layers below it, never above.

    core < translation, security < partners < practices < events < home < validation
        < search, embeds, feeds, webhooks, opendata < enquiries, proposals, registrations < stats < cms < demo

`core` knows no content app: what it needs from them (page types, related items, translation statuses)
the apps hand over in their `ready()` (`core.content_types`, `core.api.relations`,
`core.api.translation_status.provide_statuses`). The settings (`cms.env`, `cms.settings`) are below
everything; `cms.api` and `cms.urls`, which route to every app, are near the top. Test-data factories
(`<app>/factories.py`) build parents of any type and are exempt. Migrations are history and are not read.

To see the graph: `python tests/cms/test_layers.py` prints which app imports which.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYERS = [
    {"core"},
    {"translation", "security"},
    {"partners"},
    {"practices"},
    {"events"},
    {"home"},
    {"validation"},
    {"search", "embeds", "feeds", "webhooks", "opendata"},
    # Above webhooks: its db_worker extends theirs, to purge old questions (and proposals) in every worker.
    # The public forms are side by side: neither imports the other; they share security.public_forms.
    {"enquiries", "proposals", "registrations"},
    # The statistics count what every content app and the public forms hold.
    {"stats"},
    {"cms"},
    {"demo"},
]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
#: Modules of `cms` that everything may read: configuration, not routing.
SETTINGS_MODULES = ("cms.env", "cms.settings")


def imports():
    """(importing app, imported module, file) for every absolute import of a project app outside migrations."""
    for app in RANK:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    if name.split(".")[0] in RANK and name.split(".")[0] != app:
                        yield app, name, path.relative_to(ROOT)


def against_the_order():
    return sorted(
        f"{path}: {app} imports {name}"
        for app, name, path in imports()
        if RANK[name.split(".")[0]] > RANK[app]
        and path.name != "factories.py"
        and not name.startswith(SETTINGS_MODULES)
    )


def test_no_app_imports_a_layer_above_it():
    assert against_the_order() == []


def test_core_imports_no_other_app():
    assert sorted({name for app, name, _path in imports() if app == "core"}) == []


def test_the_check_sees_an_import_against_the_order(tmp_path, monkeypatch):
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "leak.py").write_text("from practices.models import PracticePage\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    for app in RANK:
        (tmp_path / app).mkdir(exist_ok=True)
    assert against_the_order() == ["core/leak.py: core imports practices.models"]


if __name__ == "__main__":
    graph = {}
    for app, name, _path in imports():
        graph.setdefault(app, set()).add(name.split(".")[0])
    for app in sorted(RANK, key=RANK.get):
        sys.stdout.write(f"{app:12} -> {', '.join(sorted(graph.get(app, ()), key=RANK.get))}\n")
