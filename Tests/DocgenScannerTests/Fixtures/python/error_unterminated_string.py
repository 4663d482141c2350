def ok():
    return "unterminated
