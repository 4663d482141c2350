match = 1
case = 2
match += 1
print(match, case)


def uses_match(command):
    match command.split():
        case [action]:
            return action
        case [action, obj]:
            return obj
        case _:
            return None


match (match, case):
    case (1, 2):
        def matched_tuple():
            pass
    case {"key": value} if value:
        class MatchedDict:
            pass
    case Point(x=0) | [*_]:
        pass
    case _: pass


class MatchInClass:
    match = "attribute"

    def match(self):
        pass
