def no_trailing_newline():
    pass