def ok():
    pass

class Broken:
    def method(self):
        return ]
