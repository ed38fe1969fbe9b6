"""`manage.py serve` (what `make run` ends with): the development server and a worker, a ready line once the site
answers, metrics kept as under gunicorn, and Ctrl+C stopping both."""
import signal
import urllib.request

from benchmarks.deployment import free_port
from tests.jobs.conftest import deployment, templates  # noqa: F401  (real processes on a real database)


def test_serve_says_where_the_site_is_once_it_answers_and_ctrl_c_stops_everything(deployment):  # noqa: F811
    port = free_port()
    serve = deployment.start("serve", f"127.0.0.1:{port}", log="serve", PROMETHEUS_MULTIPROC_DIR="")
    log = lambda: open(serve.log_path).read()  # noqa: E731
    deployment.wait_for(lambda: f"Quickphrases is ready at http://127.0.0.1:{port}/" in log(), timeout=180,
                        what="the ready line")
    deployment.wait_for(lambda: "waiting for jobs" in log(), timeout=180, what="the worker")
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30) as response:
        metrics = response.read().decode()
    assert 'quickphrases_jobs{status="queued"}' in metrics and "django_http_requests_total_by_view" in metrics
    serve.send_signal(signal.SIGINT)  # Ctrl+C reaches serve (and, on a terminal, its children too)
    assert serve.wait(timeout=60) == 0
    assert "Stopped the web server and the worker." in log()
    deployment.wait_for(lambda: not _listening(port), timeout=10, what="the port to be free")


def _listening(port) -> bool:
    import socket

    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0
