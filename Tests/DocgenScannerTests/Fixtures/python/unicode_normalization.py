def 𝔘nicode():
    pass


class ﬁle:
    def ℌello(self):
        pass
