if ,x:
    pass
