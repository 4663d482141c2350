square = lambda x: x * x
pair = lambda a, b=lambda: 0: (a, b)


class WithLambdas:
    handler = lambda self: None
    table = {"key": lambda v: v}

    def method(self, key=lambda k: k):
        return sorted([], key=lambda item: item)


if lambda: 1:
    def under_lambda_if():
        pass
