"""The error for bad input to the models."""

from ..errors import JxDigitalError


class ProjectionInputError(JxDigitalError, ValueError):
    """Bad input to ``project``/``fit``: the message names the argument, series and year."""
