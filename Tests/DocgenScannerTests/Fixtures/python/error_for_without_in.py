for names:
    pass
