def f(self):
    self. True
