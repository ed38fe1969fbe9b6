class SuggestInputError(ValueError):
    """Input the suggestions cannot take; `field` names the member at fault (a 400 in the API)."""

    def __init__(self, message, field):
        super().__init__(message)
        self.message = message
        self.field = field
