"""Certificate rules: issue, re-issue, revoke, render. (Owned by the certificates work.)"""


def certificate_issue_for_completion(*, enrollment) -> None:
    """Called by cohorts.services.completion_evaluate when an enrollment becomes complete."""
    raise NotImplementedError
