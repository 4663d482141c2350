def ok():
    print "python 2"
