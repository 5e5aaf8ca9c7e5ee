"""The one error type court services raise for a rule a clerk's entry breaks."""


class CourtError(ValueError):
    """A refused entry; `field` names the form field to correct, if there is one."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field
