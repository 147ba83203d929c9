"""Signals other apps listen to, so that `accounts` need not import them.

`admin_saved` is sent by the admin pages of `accounts` (and of the `core` and `geo` models they
register) after a record is saved, inside the admin's transaction. The audit trail sits above
`accounts` and records the change from its receiver (`audit.signals`).
"""

from django.dispatch import Signal

# sender: the model class; kwargs: user, obj, change (bool), changes ({field: [old, new]}).
admin_saved = Signal()
