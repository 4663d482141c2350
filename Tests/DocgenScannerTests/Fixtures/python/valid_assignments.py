x = y = 1
x == None
None == x
x <= y >= x != y
f(a=1, b=None)
match = case = type = 3
_ = 4
x: int | None = None
y: "T" | None = None
def f(a: int | None = None, b: bool = True): pass
class C:
    attr: str | None = None
