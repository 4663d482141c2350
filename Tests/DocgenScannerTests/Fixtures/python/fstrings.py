name = "x"
width = 10
a = f"{name!r:>{width}}"
b = f'{name["key"] if isinstance(name, dict) else name}'
c = f"{'nested' + name}"
d = F"{{literal braces}} {name}"
e = rf"raw {name} \d"
g = f"""
def not_real():
    {name:{'>'}{width}}
"""
h = f"{ {'a': 1}['a'] }"
i = f"{name:%Y-%m-%d}"
j = f"{name = }"
k = f"{(lambda: 1)()}"


def after_fstrings(value=f"{name}:{width}"):
    """Docstring after f-strings."""
    return f"{value!s}"
