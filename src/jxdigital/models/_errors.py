"""The error for bad input to the models."""


class ProjectionInputError(ValueError):
    """Bad input to ``project``/``fit``: the message names the argument, series and year."""
