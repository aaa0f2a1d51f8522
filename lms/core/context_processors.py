from django.http import HttpRequest

from lms.accounts import roles


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_roles": set()}
    return {
        "nav_roles": {
            "staff": roles.has_role(user, *roles.STAFF_ROLES),
            "coordinator": roles.has_role(
                user, roles.REGIONAL_COORDINATOR, roles.NATIONAL_COORDINATOR,
                roles.ADMINISTRATOR,
            ),
            "facilitator": roles.has_role(user, roles.FACILITATOR),
        }
    }
