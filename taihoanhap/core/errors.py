"""Errors that services raise and views turn into clear messages."""

from django.core.exceptions import ValidationError


class TransitionError(ValidationError):
    """An illegal state change (e.g. closing a case that is still expected)."""
