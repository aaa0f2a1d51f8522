"""Who sees and who may record which follow-ups: every role, reads and writes."""

import datetime

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from lms.followups import selectors, services
from lms.followups.models import FollowUp, FollowUpVisit, Practice
from tests.followups.factories import follow_ups_of

pytestmark = pytest.mark.django_db
DUE = timezone.now() - datetime.timedelta(days=95)


@pytest.fixture
def followups(world):
    return {key: follow_ups_of(world["enrollments"][key], on=DUE)[3]
            for key in ("kayes", "mopti", "staff")}


VISIBLE = {
    "coord_kayes": {"kayes", "staff"},
    "coord_mopti": {"mopti"},
    "national": {"kayes", "mopti", "staff"},
    "facilitator": set(),
    "trainee_kayes": set(),
}
# Never staff (the facilitator enrolled as a trainee), never one's own, never another region.
CHANGEABLE = {
    "coord_kayes": {"kayes"},
    "coord_mopti": {"mopti"},
    "national": {"kayes", "mopti"},
    "facilitator": set(),
    "trainee_kayes": set(),
}


@pytest.mark.parametrize("who", sorted(VISIBLE))
def test_reads_and_writes_per_role(world, followups, who):
    user = world["people"][who]
    names = {pk: key for key, f in followups.items() for pk in [f.pk]}
    visible = {names[pk] for pk in selectors.followups_visible_to(user)
               .filter(months=3).values_list("pk", flat=True)}
    changeable = {names[pk] for pk in selectors.followups_changeable_by(user)
                  .filter(months=3).values_list("pk", flat=True)}
    assert visible == VISIBLE[who]
    assert changeable == CHANGEABLE[who]
    for key, follow_up in followups.items():
        allowed = key in CHANGEABLE[who]
        own = follow_up.enrollment.trainee_id == user.pk
        if own:
            continue
        try:
            services.followup_answer(follow_up=follow_up, by=user, channel="phone_call",
                                     practices=[], trained_others=False)
        except PermissionDenied:
            assert not allowed, f"{who} refused on {key}"
        else:
            assert allowed, f"{who} recorded {key}"
        try:
            services.visit_record(follow_up=follow_up, by=user, rating=4,
                                  visited_on=timezone.localdate())
        except PermissionDenied:
            assert not allowed
        else:
            assert allowed


@pytest.mark.parametrize(("who", "key", "status"), [
    ("coord_kayes", "kayes", 200), ("coord_kayes", "mopti", 404), ("coord_kayes", "staff", 403),
    ("coord_mopti", "kayes", 404), ("national", "mopti", 200), ("facilitator", "kayes", 403),
    ("trainee_kayes", "kayes", 403),
])
def test_record_pages_per_role(client, world, followups, who, key, status):
    client.force_login(world["people"][who])
    for name in ("followups:record", "followups:visit"):
        url = reverse(name, args=[followups[key].pk])
        assert client.get(url).status_code == status
        assert client.post(url, {"channel": "phone_call", "trained_others": "no",
                                 "visited_on": "2024-04-01", "rating": "3"}).status_code in (
            status if status != 200 else 302,)
    if status != 200:
        followups[key].refresh_from_db()
        assert followups[key].answered_at is None
        assert not FollowUpVisit.objects.filter(follow_up=followups[key]).exists()


def test_the_list_shows_only_the_region(client, world, followups):
    client.force_login(world["people"]["coord_kayes"])
    page = client.get(reverse("followups:list")).content.decode()
    assert "Kadia Keita" in page
    assert "Moussa Maiga" not in page
    client.force_login(world["people"]["national"])
    page = client.get(reverse("followups:list")).content.decode()
    assert "Kadia Keita" in page and "Moussa Maiga" in page


def test_a_trainee_answers_their_own_only_once(client, world, followups):
    trainee = world["people"]["trainee_kayes"]
    client.force_login(trainee)
    other = reverse("followups:answer", args=[followups["mopti"].pk])
    assert client.get(other).status_code == 404
    url = reverse("followups:answer", args=[followups["kayes"].pk])
    practice = Practice.objects.get(code="nrm-referral")
    response = client.post(url, {"practices": [practice.pk], "trained_others": "yes",
                                 "people_trained": "12", "obstacles": "Pas de transport"})
    assert response.status_code == 302
    follow_up = FollowUp.objects.get(pk=followups["kayes"].pk)
    assert follow_up.channel == "self" and follow_up.people_trained == 12
    assert list(follow_up.practices.all()) == [practice]
    with pytest.raises(ValidationError):
        services.followup_answer(follow_up=follow_up, by=trainee, channel="self",
                                 practices=[], trained_others=False)


def test_bad_input_gives_field_errors_and_writes_nothing(client, world, followups):
    client.force_login(world["people"]["coord_kayes"])
    url = reverse("followups:record", args=[followups["kayes"].pk])
    response = client.post(url, {"channel": "carrier pigeon", "trained_others": "no",
                                 "people_trained": "4", "practices": ["999999"]})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"channel", "people_trained", "practices"}
    response = client.post(url, {"channel": "phone_call"})
    assert "trained_others" in response.context["form"].errors
    visit = reverse("followups:visit", args=[followups["kayes"].pk])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(visit, {"visited_on": tomorrow.isoformat(), "rating": "9"})
    assert set(response.context["form"].errors) == {"rating"}
    response = client.post(visit, {"visited_on": tomorrow.isoformat(), "rating": "5"})
    assert set(response.context["form"].errors) == {"visited_on"}
    followups["kayes"].refresh_from_db()
    assert followups["kayes"].answered_at is None
    assert not FollowUpVisit.objects.exists()


def test_the_six_month_follow_up_offers_the_retention_retest(client, world, course):
    from lms.quizzes.models import Quiz
    from tests.quizzes.factories import make_quiz

    retest = make_quiz(course=course, purpose=Quiz.Purpose.RETENTION, live=True)
    follow_ups_of(world["enrollments"]["kayes"], on=timezone.now()
                  - datetime.timedelta(days=200))
    client.force_login(world["people"]["trainee_kayes"])
    page = client.get(reverse("followups:mine")).content.decode()
    assert page.count(reverse("quizzes:detail", args=[retest.slug])) == 1  # 6 months only
