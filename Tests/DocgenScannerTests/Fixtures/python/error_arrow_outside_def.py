def f():
    return {k: v for v in rang->e(10)}
