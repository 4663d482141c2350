def ok():
    pass
        extra = 1
