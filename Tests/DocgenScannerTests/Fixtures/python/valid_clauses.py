try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as error:
    pass
else:
    pass
finally:
    pass

for x in range(3):
    pass
else:
    pass

while False:
    pass
else:
    def while_else():
        pass

if x:
    pass
elif x:
    pass
elif x:
    pass
else:
    pass

try:
    pass
finally:
    pass

numbers = [0x_FF, 0o17, 0b1010, 1_000_000, 1.5e-3, 3j, 0.5, 00, 0_0, 1e1_0, .5, 5.]
