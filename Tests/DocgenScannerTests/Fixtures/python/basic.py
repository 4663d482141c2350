"""Module docstring is not a symbol."""
import os


def top_level(a, b=2):
    """Add two numbers."""
    return a + b


async def fetch(url: str) -> bytes:
    '''Fetch a URL.'''
    return b""


class Greeter:
    """Says hello.

    Longer description.
    """

    greeting = "hi"

    def __init__(self, name):
        self.name = name

    async def greet(self):
        return f"{self.greeting} {self.name}"

    class Inner:
        def deep(self):
            pass


def last():
    pass
