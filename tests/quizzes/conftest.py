from unittest import mock

import pytest

from tests.factories import UserFactory

from .factories import essay_question, make_quiz, mc_question, tf_question


@pytest.fixture
def course(site_tree):
    return site_tree["course"]


@pytest.fixture
def bank(db):
    """One question of each kind: single-answer MC, multi-answer MC, true/false, essay."""
    return {
        "single": mc_question(right=("Informed consent",), wrong=("Speed", "Visibility")),
        "multi": mc_question(right=("Confidentiality", "Do no harm"), wrong=("Publicity",)),
        "tf": tf_question(answer=True),
        "essay": essay_question(),
    }


@pytest.fixture
def quiz(course, bank):
    return make_quiz(course=course, questions=[bank["single"], bank["multi"], bank["tf"]])


@pytest.fixture
def trainee(roles_ready):
    return UserFactory(roles=["Trainees"])


@pytest.fixture
def completion():
    """The cohorts app's completion service, replaced: its own tests cover it."""
    with mock.patch("lms.cohorts.services.completion_evaluate_for") as patched:
        yield patched
