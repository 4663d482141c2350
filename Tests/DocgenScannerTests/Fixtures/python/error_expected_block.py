def ok():
pass
