"""Signals other apps listen to, so the core does not need to know them."""

from django.dispatch import Signal

# Sent with interview_ids when interviews are completed, or their answers coded or reviewed.
interviews_changed = Signal()
