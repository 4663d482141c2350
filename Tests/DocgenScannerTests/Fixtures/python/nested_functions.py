def outer():
    def inner():
        def innermost():
            pass
        return innermost

    class LocalClass:
        def local_method(self):
            pass

    return inner


class Holder:
    def method(self):
        def helper():
            pass

        class MethodLocal:
            def hidden(self):
                pass
        return helper

    @staticmethod
    def other():
        x = lambda: 1
        return x
