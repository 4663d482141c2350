try:
    import json


def after():
    pass
