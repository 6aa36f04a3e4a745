"""Signals other apps listen to, so the core does not need to know them."""

from django.dispatch import Signal

# Sent with interview_ids when interviews are completed, or their answers coded or reviewed;
# with now=True when the sender is itself background work (coding), so listeners do their own
# work at once instead of queueing another task for it.
interviews_changed = Signal()

# Sent with `interview` when a leaver submits an interview or an interviewer completes one (an
# anonymous one has lost its departure by then).
interview_completed = Signal()

# Sent with `answers` when coding or HR's review newly marks answers as a sensitive disclosure.
disclosure_flagged = Signal()

# Sent with `departure_ids`, `created` and `updated` (counts) after an import of departures.
departures_imported = Signal()

# Sent with `size`, `department_id`, `period` and `tenure_band` (the segments the batch shares)
# when sealed anonymous interviews are released together (services/sealing.py).
anonymous_batch_released = Signal()
