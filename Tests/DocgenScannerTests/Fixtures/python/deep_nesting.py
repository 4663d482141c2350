class Outer:
    class Middle:
        class Inner:
            def method(self):
                pass

            class Deepest:
                async def deepest_method(self):
                    """Deep."""

        def middle_method(self):
            pass

    def outer_method(self):
        pass
