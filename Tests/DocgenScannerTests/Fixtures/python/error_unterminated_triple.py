def ok():
    """never closed


def after():
    pass
