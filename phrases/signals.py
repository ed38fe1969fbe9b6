"""Signals, only to decouple: nothing in the domain flow depends on them."""
import django.dispatch

# Sent by the services after a transaction that changed the live library commits.
live_library_changed = django.dispatch.Signal()
