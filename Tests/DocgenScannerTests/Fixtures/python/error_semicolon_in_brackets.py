def f():
    g(;)
