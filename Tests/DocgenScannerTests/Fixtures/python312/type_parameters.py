type Alias = list[int]
type Pair[T] = tuple[T, T]


class Box[T](Base[T], metaclass=Meta):
    """A box of T."""

    def get[U: (int, str)](self, default: U) -> T | U:
        return default

    type Inner = int


def first[*Ts, **P](*args: *Ts) -> None:
    pass
