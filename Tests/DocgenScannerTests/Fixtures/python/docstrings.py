def escapes():
    "Tab:\there\nNew line, hex \x41, octal \101, unicode \u00e9 \U0001F600, name \N{BULLET}, quote \" and \\ slash."


def unknown_escape():
    "Unknown \d escape and \q keep their backslash."


def continued():
    "First part \
continued on the next line."


def raw_doc():
    r"""Raw \n stays \t as written."""


def concatenated():
    "First " 'second ' """third"""


def parenthesized():
    ("Parenthesized "
     "docstring")


def bytes_doc():
    b"Bytes are not docstrings."


def fstring_doc():
    f"F-strings are not docstrings."


def fstring_concat():
    "Plain " f"then formatted"


def with_semicolon():
    "Docstring then statement."; x = 1


def not_first():
    x = 1
    "Not a docstring."


def expression_not_doc():
    "Not a docstring".strip()


def indented():
    """
        Summary on the second line.

            Indented block.
        Back.

    """


def tabs():
	"""Tabbed	docstring.
	Second	line with tab.
		Deeper.
	"""


def empty_doc():
    """"""


def whitespace_doc():
    """   
    
    """


def unicode_doc():
    """Ünïcödé — dashes ‘quotes’ 中文 🎉."""


def single_line_body(): "One-line body docstring."


class ClassDoc:
    '''Class docstring.'''


class ClassNoDoc:
    x = "not a docstring"


def u_prefix():
    u"Unicode prefix docstring."


def crlf_escape():
    "Carriage\rreturn and\r\nboth."


def leading_spaces():
    """    Leading spaces on the first line
      second line
    third line"""
