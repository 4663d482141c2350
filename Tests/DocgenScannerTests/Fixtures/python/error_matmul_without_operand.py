def f():
    return @property
