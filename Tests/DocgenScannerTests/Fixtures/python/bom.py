def with_bom():
    """BOM at the start."""
    pass


class AfterBom:
    pass
