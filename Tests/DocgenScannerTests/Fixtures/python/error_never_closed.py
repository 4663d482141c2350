def ok():
    x = [1, 2


class After:
    pass
