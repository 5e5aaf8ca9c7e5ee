"""The one error every LIMS rule raises: a message for the user and the field to fix."""


class LimsError(ValueError):
    """An action that breaks a laboratory rule; `field` names the form field to fix, if one."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field
