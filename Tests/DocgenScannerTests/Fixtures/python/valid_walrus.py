x = 1


@(d := staticmethod)
def f(x): pass


@d := staticmethod
def g(x): pass


if (n := 10) > 5:
    def h(): pass

while chunk := None:
    pass


class Parenthesized((object), (dict)):
    pass


@(staticmethod)
def k(): pass
