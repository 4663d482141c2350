songs = ["a", "b"]
data = {"key": "value"}
x = f"{data["key"]}"
y = f"{", ".join(songs)}"
z = f"{f"{f"{1}"}"}"
w = f"{'\n'.join(songs)}"


def after_nested(text=f"{data["key"]}"):
    """Docstring after PEP 701 f-strings."""
    return f"{data["key"]:>{len(data)}}"


class Nested:
    value = f"{'class Fake: pass'}"

    def method(self):
        return f"""{f'{data["key"]}'}"""
