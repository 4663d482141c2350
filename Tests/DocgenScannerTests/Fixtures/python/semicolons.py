import os; import sys
x = 1; y = 2

class A: pass
class B: x = 1; y = 2
def f(): return 1
if x: pass
def g(): x = 1; return x;
class C: "Doc"; z = 3
class D:
    def m(self): pass; pass
    n = 1; o = 2
