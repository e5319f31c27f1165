class ClaimcheckError(Exception):
    """An error caused by the user's input or environment: reported in one line, exit code 2."""
