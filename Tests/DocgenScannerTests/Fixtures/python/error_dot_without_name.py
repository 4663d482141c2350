def f():
    return loader.(x)
