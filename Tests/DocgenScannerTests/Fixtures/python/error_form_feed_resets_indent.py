class FormFeed:
    def method(self):
        pass
