def ok():
    pass
<<<<<<< HEAD
def mine():
    pass
=======
def theirs():
    pass
>>>>>>> branch
