# def commented_out():
#     pass
# class Commented:

TEXT = "def not_a_function(): pass"
OTHER = 'class NotAClass: pass'
BLOCK = """
def inside_triple():
    pass

class InsideTriple:
    pass
"""
RAW = r'''class RawInside: \''' still inside '''
BYTES = b"def bytes_inside(): pass"
FSTR = f"{'def'} {TEXT!r:>{10}} {{def braces}}"
FBLOCK = f"""
def in_fstring():
    {TEXT}
"""


def real(text="class Fake:", sep='  '):
    """Docstring with def and class words: def x(): class Y:"""
    return "def" + 'class' + """async def""" + text + sep  # class trailing comment


class Real:
    note = "    def indented_in_string(self):"

    def method(self):
        return '''
    def also_in_string():
        pass
'''
