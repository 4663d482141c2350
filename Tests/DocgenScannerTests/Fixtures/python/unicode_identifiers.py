def 函数(参数):
    """中文文档。"""
    return 参数


class Ünïcödé:
    def méthode(self):
        pass


def ƒ():
    pass
