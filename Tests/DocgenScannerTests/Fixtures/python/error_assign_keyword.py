def ok():
    None = 1
