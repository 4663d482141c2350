def f():
    return b"bad \x1 escape"
