def connect(host, async=False):
    pass
