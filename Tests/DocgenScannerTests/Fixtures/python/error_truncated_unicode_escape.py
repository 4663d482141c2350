def f():
    return "bad \u12 escape"
