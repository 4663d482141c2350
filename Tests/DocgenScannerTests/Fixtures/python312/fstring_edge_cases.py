value = 1
a = f"{value:{"<" if value else ">"}{10}}"
b = f'{f'{f'{value}'}'}'
c = f"""{
    value  # a comment inside a multi-line replacement field
}"""
d = f"{'\\'.join(['a', 'b'])}"


def uses(text=f"{value!r}" f"{"x"}"):
    f"""Not a docstring: f-strings never are."""
    return text


class After:
    """Scanning continues correctly after the f-strings above."""
