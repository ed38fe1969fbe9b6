"""The code's shape, read from its source: no import cycle among the project's modules, and a
phrase's status and review fields written only by the actions."""
import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("accounts", "api", "config", "phrases", "reminders", "review", "studio")
ACTIONS = ROOT / "phrases" / "services" / "actions.py"
# The fields only a transition may write.
WORKFLOW_FIELDS = {"status", "reviewed_by", "reviewed_by_id", "reviewed_at", "review_due_at", "review_comment",
                   "changes_requested", "submitted_at", "submit_note", "warnings_acknowledged", "version_action"}


# Modules whose `status` is another model's (an import job's), never a phrase's.
OTHER_STATUS_OWNERS = (ROOT / "api" / "import_jobs.py",)


def _sources():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports, anywhere in it (a function-level import counts:
    it is the same dependency, only deferred)."""
    modules = {_module(path): path for path in _sources()}
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + ([base] if base else []))
                # `from package import module` depends on the module; `from module import name` on the module.
                candidates = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                              for alias in node.names]
            else:
                continue
            for candidate in candidates:
                while candidate and candidate not in modules:
                    candidate = candidate.rpartition(".")[0]
                if candidate and candidate != name:
                    targets.add(candidate)
        graph[name] = targets
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of more than one module (Tarjan), sorted."""
    index, low, stack, on_stack, groups, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_among_project_modules():
    graph = import_graph()
    assert "phrases.services.actions" in graph["phrases.services.workflow"]  # the graph sees real imports
    assert find_cycles(graph) == []


def _workflow_writes(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            for element in (target.elts if isinstance(target, ast.Tuple) else [target]):
                if isinstance(element, ast.Attribute) and element.attr in WORKFLOW_FIELDS:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{element.attr}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            if name == "Phrase" or (name in ("create", "update", "update_or_create", "get_or_create")
                                    and "Phrase." in ast.unparse(node.func)):
                found += [f"{path.relative_to(ROOT)}:{node.lineno} {name}({keyword.arg}=…)"
                          for keyword in node.keywords if keyword.arg in WORKFLOW_FIELDS]
    return found


def test_status_and_review_fields_are_written_only_by_the_actions():
    writes = [write for path in _sources() if path not in (ACTIONS, *OTHER_STATUS_OWNERS)
              for write in _workflow_writes(path)]
    assert writes == []
    assert _workflow_writes(ACTIONS)  # the check sees the writes where they are


def test_the_lint_migrations_hold_schema_only_and_defaults_come_from_post_migrate(db):
    import importlib

    from django.db import migrations

    from phrases.lint.models import RuleSetting, Term
    from phrases.lint.registry import RULES

    squashed = importlib.import_module("phrases.lint.migrations.0001_squashed_0005_schema").Migration
    assert squashed.operations and not any(isinstance(op, migrations.RunPython | migrations.RunSQL)
                                           for op in squashed.operations)
    # The test database was built from the squashed migration: the defaults are the handler's.
    assert set(RuleSetting.objects.filter(language="").values_list("rule", flat=True)) == set(RULES)
    assert Term.objects.exists()


# The pure layers: the search engine and the linter's rules take text in and give results out.
PURE = ("phrases.placeholders", "phrases.search.index", "phrases.search.normalize", "phrases.search.highlight",
        "phrases.search.segment", "phrases.search.vocabulary", "phrases.lint.rules", "phrases.lint.text",
        "phrases.lint.clauses", "phrases.lint.blame", "phrases.lint.redirect", "phrases.lint.findings",
        "phrases.lint.defaults")
FRAMEWORKS = ("django", "rest_framework", "simple_history", "drf_spectacular")


def _imports_a_framework(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
            [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
        if any(name.split(".")[0] in FRAMEWORKS for name in names):
            return True
    return False


def test_search_engine_and_lint_rules_import_nothing_from_django():
    graph = import_graph()
    paths = {_module(path): path for path in _sources()}
    for module in PURE:
        reached, frontier = {module}, [module]
        while frontier:
            for target in graph[frontier.pop()]:
                # A submodule depends on its modules, not on its package's __init__ re-exports.
                if target not in reached and not module.startswith(target + "."):
                    reached.add(target)
                    frontier.append(target)
        assert [name for name in sorted(reached) if _imports_a_framework(paths[name])] == [], module
