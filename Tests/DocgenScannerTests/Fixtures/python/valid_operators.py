def f(a, /, b, *, c):
    return f(*[a], **{"b": b})


from . import x
from .. import (y,
    z,)
from ...pkg.mod import *
import a.b as c, d
print(-1, ~2, +3, not 4)
x = [*a, *b]
y = {**c}
z = a if b else c
w = x[::2], x[1:], x[:-1]
v = lambda *args, **kw: (args, kw)
u = lambda a, /, b: a
t = yield
