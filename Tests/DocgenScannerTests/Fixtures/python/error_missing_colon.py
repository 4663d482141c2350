def ok()
    pass
