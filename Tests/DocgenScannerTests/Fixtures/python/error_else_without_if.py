def f():
    pass
else:
    pass
