class Windows:
    """Docstring
    with CRLF."""

    def method(self):
        return 1


def after():
    pass
