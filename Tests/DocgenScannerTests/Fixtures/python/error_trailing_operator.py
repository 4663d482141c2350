def ok():
    pass

x = 1 +
