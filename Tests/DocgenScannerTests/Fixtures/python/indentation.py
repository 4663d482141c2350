class Tabs:
	def method(self):
		if True:
			return 1

	def other(self):
		pass


def mixed():
	if True:
	    return 2
	return 3


def after_form_feed():
    pass

class FormFeedClass:
    def method(self):
        pass
    # comment after form feed

def last():
  pass
