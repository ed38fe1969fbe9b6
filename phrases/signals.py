"""Signals, only to decouple: nothing in the domain flow depends on them."""
import django.dispatch

# Sent by the services after a transaction that changed the live library commits.
live_library_changed = django.dispatch.Signal()

# Sent after a reviewer's decision commits: phrase, actor, outcome ("approved" or "rejected"),
# comment. The review-outcome mail listens to it; the workflow does not depend on any receiver.
phrase_reviewed = django.dispatch.Signal()
