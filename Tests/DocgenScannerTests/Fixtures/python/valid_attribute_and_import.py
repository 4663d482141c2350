import os.path as p, sys
from . import (a as b,
    c,)
from ..pkg import *
from .mod import name
x = (lambda a: a)(1)
y = f(key=lambda v: v, other=[1, 2][0:1])
z = {"k": (lambda: 0)}
match.group(1)
type.__call__(int)
None.__class__
(1).real
"s".join([])
