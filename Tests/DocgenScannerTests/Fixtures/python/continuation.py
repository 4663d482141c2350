def long_header(first,  # comment in the header
                second: int = 2,
                *args,
                third: "str" = 'x y',
                **kwargs) -> \
        dict[str, int]:
    return {}


def positional_only(a, b, /, c, *, d=lambda x: x + 1, e={"k": 1}):
    pass


class Base(object,
           metaclass=type):  # comment
    pass


class Generic(dict[str, "Base"], Base, *(), **{}):
    pass


x = (
    1,
    2,
)

if x and \
   x:
    def continued_if():
        pass


def default_with_colon(a=lambda: 0, b={1: 2}, c=x[1:2]):
    return a


class Empty():
    pass


class TrailingComma(Base,):
    pass
