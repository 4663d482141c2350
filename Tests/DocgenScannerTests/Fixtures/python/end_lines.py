def trailing_comment():
    x = 1
    # trailing comment inside the indentation

# comment at column zero


def trailing_blank_lines():
    return 1



def ends_with_multiline_string():
    return """
    text
    """


def ends_with_call():
    print(
        1,
        2,
    )


def ends_with_continuation():
    x = 1 + \
        2


def ends_with_nested_if():
    if True:
        pass
    else:
        if False:
            return 1
            # comment deeper


class EndsWithMethod:
    def a(self):
        pass

    def b(self):
        return [
            1,
        ]
    # comment at class level


def one_line(): return 1


class OneLine: pass


def semicolons(): x = 1; y = 2;


def ends_with_decorated_nested():
    @decorator
    def inner():
        pass
        # comment


def last_without_newline():
    return "no newline at end of file"