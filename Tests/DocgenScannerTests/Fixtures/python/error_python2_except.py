def ok():
    try:
        pass
    except ValueError, e:
        pass
