def f():
    return modu:le
