"""Deployments in separate processes: a SQLite file always, and PostgreSQL when the suite runs on it."""
import pytest

from benchmarks.deployment import Deployment, drop_template, migrated_template, on_postgres


def kinds():
    return ["sqlite", "postgres"] if on_postgres() else ["sqlite"]


@pytest.fixture(scope="session")
def templates(tmp_path_factory):
    made = {}
    yield lambda kind: made.get(kind) or made.setdefault(kind, migrated_template(tmp_path_factory.mktemp("tpl"), kind))
    for kind, template in made.items():
        drop_template(kind, template)


@pytest.fixture(params=kinds())
def deployment(request, templates, tmp_path):
    deployment = Deployment(tmp_path, request.param, templates(request.param))
    yield deployment
    deployment.close()
