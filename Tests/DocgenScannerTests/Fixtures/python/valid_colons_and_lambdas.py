x: int = 1
y: "list[int]"
self_like = object()
z = lambda: 0
w = lambda a, *b, c=1, **d: (a, b, c, d)
v = lambda *, k: k
u = lambda a, /: a
t = {"k": lambda: 1, "j": (lambda q: q)}
s = {lambda: 0}
r = [x[1:2], x[::], x[:-1]]
q = (lambda: 0) if x else lambda: 1
match: int = 3
type: str = "t"


def positional(a, b, /, c, *, d):
    return (a @ b)


class Attributes:
    value: int | None = None
    other: dict[str, int] = {}
