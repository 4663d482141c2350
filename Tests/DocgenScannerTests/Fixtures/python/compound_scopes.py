import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    def typed(items: "Iterable[int]") -> int: ...
else:
    def typed(items):
        return sum(items)

try:
    import json

    def loads(text):
        return json.loads(text)
except ImportError:
    def loads(text):
        raise RuntimeError("no json")
else:
    class Loaded:
        pass
finally:
    def cleanup():
        pass

with open(__file__) as handle:
    def with_def():
        pass

for index in range(1):
    def loop_def():
        pass
else:
    def loop_else():
        pass

while False:
    class WhileClass:
        pass

if sys.version_info >= (3, 10):
    match sys.platform:
        case "linux":
            def platform_linux():
                pass
        case "darwin" | "win32":
            class PlatformOther:
                def method(self):
                    pass
        case _:
            pass


class Container:
    if sys.platform == "win32":
        def windows(self):
            pass
    elif sys.platform == "linux":
        def linux(self):
            pass
    else:
        def other(self):
            pass

    try:
        def tried(self):
            pass
    except Exception:
        pass

    for _name in ("a",):
        class LoopClass:
            pass
