from django.core.management.base import BaseCommand

from jobs.worker import Worker


class Command(BaseCommand):
    help = ("Run background jobs (library imports, e-mails, the daily digests) from the database queue until "
            "stopped. Run one or more per machine; on SIGTERM or Ctrl+C the running job goes back to the queue.")

    def add_arguments(self, parser):
        parser.add_argument("--poll", type=float, default=1.0, help="Seconds between looks at an empty queue.")
        parser.add_argument("--burst", action="store_true", help="Stop once the queue is empty.")

    def handle(self, *args, poll=1.0, burst=False, **options):
        worker = Worker(poll=poll, burst=burst, stdout=self.stdout)
        worker.install_signal_handlers()
        worker.run()
