from django import template

from lms.certificates.selectors import certificates_of_trainee

register = template.Library()


@register.simple_tag
def my_certificates(user) -> list:
    return list(certificates_of_trainee(user=user))
