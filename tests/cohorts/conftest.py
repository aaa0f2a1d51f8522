from unittest import mock

import pytest


@pytest.fixture
def course(site_tree):
    return site_tree["course"]


@pytest.fixture
def post_test(monkeypatch):
    """Stand-in for the quiz helper's post_test_passed: a set of user ids who passed."""
    passed: set[int] = set()

    def fake(*, user, course):
        return user.pk in passed

    monkeypatch.setattr("lms.quizzes.selectors.post_test_passed", fake)
    return passed


@pytest.fixture
def certificate_issue(monkeypatch):
    issue = mock.Mock(return_value=None)
    monkeypatch.setattr("lms.certificates.services.certificate_issue_for_completion", issue)
    return issue
