"""A small deployment in separate processes, for the tests and benchmarks that need real workers and app
servers: its own database (a SQLite file, or a PostgreSQL database on the configured server), `manage.py`
commands and gunicorn servers run as subprocesses, and a direct SQL look at the tables between steps."""
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def on_postgres() -> bool:
    return "postgresql" in settings.DATABASES["default"]["ENGINE"]


class Deployment:
    """`kind` is "sqlite" or "postgres"; `template` a migrated database to copy (see `migrated_template`)."""

    def __init__(self, folder: Path, kind: str, template: str, **environment):
        self.folder, self.kind = folder, kind
        self.processes: list[subprocess.Popen] = []
        self.name = f"qp_deploy_{uuid.uuid4().hex[:8]}"
        if kind == "sqlite":
            self.path = folder / "db.sqlite3"
            shutil.copy(template, self.path)
            self.url = f"sqlite:///{self.path}"
        else:
            _pg_admin(f'CREATE DATABASE "{self.name}" TEMPLATE "{template}"')
            self.url = _pg_url(self.name)
        self.env = {**os.environ, "DATABASE_URL": self.url, "DJANGO_SETTINGS_MODULE": "config.settings",
                    "QUICKPHRASES_TASKS_IMMEDIATE": "0", "QUICKPHRASES_JOB_DIR": str(folder / "jobs"),
                    "QUICKPHRASES_SEARCH_SNAPSHOT_DIR": str(folder / "index"), "SECRET_KEY": "deployment-tests",
                    "DEBUG": "0", "PYTHONUNBUFFERED": "1", **environment}

    # -- processes -----------------------------------------------------------------------------------
    def manage(self, *args, timeout=180, **environment) -> str:
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**self.env, **environment},
                              capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def shell(self, code: str, **environment) -> str:
        return self.manage("shell", "--no-imports", "-c", code, **environment)

    def start(self, *args, log="process", **environment) -> subprocess.Popen:
        return self._spawn([sys.executable, "manage.py", *args], log=log, **environment)

    def _spawn(self, command: list[str], *, log: str, **environment) -> subprocess.Popen:
        output = open(self.folder / f"{log}-{len(self.processes)}.log", "w")
        process = subprocess.Popen(command, cwd=ROOT, env={**self.env, **environment},
                                   stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        process.log_path = output.name
        self.processes.append(process)
        return process

    def start_worker(self, *, preload: str | None = None, **environment) -> subprocess.Popen:
        """`manage.py run_worker`; with `preload`, a module (registering test-only tasks) is imported first."""
        if preload is None:
            return self.start("run_worker", "--poll", "0.2", log="worker", **environment)
        code = (f"import django; django.setup(); import {preload}; from django.core.management import "
                "execute_from_command_line; execute_from_command_line(['manage.py', 'run_worker', '--poll', '0.2'])")
        return self._spawn([sys.executable, "-c", code], log="worker", **environment)

    def start_server(self, name: str, *, workers: int = 1, **environment) -> "Server":
        """gunicorn with the project's config, on a free port, with a snapshot folder of its own (as on its own
        host); returns once /readyz answers 200."""
        port = free_port()
        log = open(self.folder / f"server-{name}.log", "w")
        env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers),
               "QUICKPHRASES_SEARCH_SNAPSHOT_DIR": str(self.folder / f"index-{name}"), **environment}
        process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
                                   cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        process.log_path = log.name
        self.processes.append(process)
        server = Server(f"http://127.0.0.1:{port}", process)
        self.wait_for(lambda: server.ready(), timeout=180, what=f"server {name} to be ready", every=0.3)
        return server

    @staticmethod
    def kill(process: subprocess.Popen) -> None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def close(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    self.kill(process)
        if self.kind == "postgres":
            _pg_admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    # -- looking at the database ------------------------------------------------------------------------
    def query(self, sql: str, params=()) -> list[tuple]:
        if self.kind == "sqlite":
            with sqlite3.connect(self.path, timeout=30) as db:
                return db.execute(sql, params).fetchall()
        import psycopg

        with psycopg.connect(self.url.replace("postgres://", "postgresql://")) as db:
            return db.execute(sql.replace("?", "%s"), params).fetchall()

    def value(self, sql: str, params=()):
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    def progress(self, job_id: str) -> dict:
        """A running job's progress as its worker last reported it (file on SQLite, row on PostgreSQL)."""
        if self.kind == "sqlite":
            for path in (self.folder / "jobs").glob(f"*/{job_id}.json"):
                try:
                    return json.loads(path.read_text())
                except ValueError:
                    return {}
            return {}
        row = self.query("SELECT stage, done, total FROM jobs_job WHERE id = ?", (job_id.replace("-", ""),))
        return dict(zip(("stage", "done", "total"), row[0])) if row else {}

    def wait_for(self, condition, timeout=120.0, what="condition", every=0.1):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = condition()
            if result:
                return result
            time.sleep(every)
        logs = "\n".join(Path(p.log_path).read_text()[-3000:] for p in self.processes)
        raise AssertionError(f"Timed out after {timeout} s waiting for {what}.\n{logs}")


class Server:
    def __init__(self, base: str, process: subprocess.Popen):
        self.base, self.process = base, process

    def request(self, method: str, path: str, *, token: str | None = None, data=None, timeout=30):
        """(status, parsed JSON or None) of one request."""
        body = json.dumps(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, method=method)
        if body is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Token {token}")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status, content = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, content = error.code, error.read()
        try:
            return status, json.loads(content) if content else None
        except ValueError:
            return status, None

    def ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"the server exited: {Path(self.process.log_path).read_text()[-3000:]}")
        try:
            return self.request("GET", "/readyz", timeout=5)[0] == 200
        except OSError:
            return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _pg_url(name: str) -> str:
    db = settings.DATABASES["default"]
    user, host, port = db.get("USER") or "postgres", db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{host}:{port}/{name}"


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(_pg_url("postgres").replace("postgres://", "postgresql://"), autocommit=True) as db:
        db.execute(sql)


def migrated_template(folder: Path, kind: str) -> str:
    """Migrate a database once for the session's deployments to copy: a file path, or a database name."""
    if kind == "sqlite":
        path = folder / "template.sqlite3"
        url = f"sqlite:///{path}"
    else:
        name = f"qp_deploy_template_{uuid.uuid4().hex[:8]}"
        _pg_admin(f'CREATE DATABASE "{name}"')
        url = _pg_url(name)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY": "deployment"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0", "--noinput"], cwd=ROOT, env=env, check=True,
                   timeout=300)
    if kind == "sqlite":
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return str(path)
    return name


def drop_template(kind: str, template: str) -> None:
    if kind == "postgres":
        _pg_admin(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
