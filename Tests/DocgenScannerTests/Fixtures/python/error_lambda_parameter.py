f = lambda None: 0
