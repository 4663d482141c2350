import functools


@functools.lru_cache(
    maxsize=None,
)
def cached(x):
    return x


@staticmethod
@  functools.wraps(cached)   # comment after decorator
def wrapped():
    pass


@dataclass(frozen=True,
           slots=True)
class Point:
    x: int
    y: int

    @property
    def norm(self):
        """Length."""
        return (self.x ** 2 + self.y ** 2) ** 0.5

    @norm.setter
    def norm(self, value): pass

    @classmethod
    async def make(cls): return cls(0, 0)


@decorator
# comment between decorator and def
async def after_comment():
    ...
