"""factory_boy factories and small builders shared by the test suite."""

import datetime
import itertools

import factory

from django.contrib.auth.models import Group

from wagtail.models import Locale, Page, Site

from curriculum.models import CataloguePage, CoursePage, HomePage, ModulePage
from lms.accounts.models import User
from lms.cohorts import figures
from lms.cohorts.models import Cohort, Enrollment
from lms.organisations.models import Organisation
from lms.regions.models import Region

_counter = itertools.count(1)


def region(name: str = "Kayes") -> Region:
    return Region.objects.get(name=name)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    kind = Organisation.Kind.NON_GOVERNMENTAL


def role_groups(*names: str) -> list[Group]:
    """The groups of these names. `migrate` creates the roles (accounts 0003_roles); a
    transactional test's flush removes them, so they are created again only when missing."""
    groups = {g.name: g for g in Group.objects.filter(name__in=names)}
    if len(groups) < len(set(names)):
        from lms.accounts.roles import ensure_roles

        ensure_roles()
        groups = {g.name: g for g in Group.objects.filter(name__in=names)}
    return [groups[name] for name in names]


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = ""
    sex = User.Sex.FEMALE
    function = User.Function.SOCIAL_WORKER
    language = "en"
    password = factory.django.Password("pass-w0rd!")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*role_groups(*extracted))

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.coordinated_regions.add(*extracted)


def build_site_tree() -> dict:
    """English home → catalogue → one course with two modules, plus its French translation
    locale (pages are translated by tests that need them)."""
    en, _ = Locale.objects.get_or_create(language_code="en")
    Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug=f"home-{next(_counter)}",
                                            locale=en))
    Site.objects.update_or_create(is_default_site=True, defaults={
        "hostname": "localhost", "root_page": home, "site_name": "Cascade"})
    catalogue = home.add_child(instance=CataloguePage(title="Courses", slug="courses"))
    course = catalogue.add_child(instance=CoursePage(
        title="National Referral Mechanism", slug="nrm", code="nrm",
        summary="How frontline actors identify and refer migrants.", duration_hours=24))
    modules = [
        course.add_child(instance=ModulePage(title=f"Module {i}", slug=f"module-{i}",
                                             introduction=f"Introduction {i}"))
        for i in (1, 2)
    ]
    return {"home": home, "catalogue": catalogue, "course": course, "modules": modules}


def make_cohort(*, course: CoursePage, region_name: str = "Kayes", **kwargs) -> Cohort:
    n = next(_counter)
    defaults = {
        "name": f"Workshop {n}", "code": f"workshop-{n}", "region": region(region_name),
        "start_date": datetime.date(2024, 3, 4), "end_date": datetime.date(2024, 3, 6),
        "hours": 24, "venue": "Centre de formation",
    }
    defaults.update(kwargs)
    return Cohort.objects.create(course=course, **defaults)


def enroll(cohort: Cohort, *trainees: User) -> list[Enrollment]:
    """Enrol directly (no permission or capacity check), keeping the dashboard's totals as
    the enrolment service does."""
    enrollments = [Enrollment.objects.create(cohort=cohort, trainee=t) for t in trainees]
    figures.cohorts_changed(cohort_ids=[cohort.pk], trainee_ids=[t.pk for t in trainees])
    return enrollments


def cascade_session(course: CoursePage, facilitators, *, name: str | None = None,
                    code: str | None = None, tot: bool = False, trainees: int = 0,
                    region_name: str = "Kayes") -> Cohort:
    """A cohort created through the service, as a session run by `facilitators` (placed in the
    cascade below whoever trained them), with `trainees` new people enrolled."""
    from lms.cohorts import services

    n = next(_counter)
    cohort = services.cohort_create(
        by=None, facilitators=facilitators, name=name or f"S{n}", code=code or f"s-{n}",
        course=course,
        region=region(region_name), start_date=datetime.date(2024, 3, 4),
        end_date=datetime.date(2024, 3, 4), is_training_of_trainers=tot)
    enroll(cohort, *[UserFactory() for _ in range(trainees)])
    return cohort


def recorded_trainer(cohort: Cohort) -> User:
    """A new person who completed `cohort` and is recorded as a trainer trained there."""
    from lms.cohorts import services

    person = UserFactory()
    (enrollment,) = enroll(cohort, person)
    Enrollment.objects.filter(pk=enrollment.pk).update(status="completed")
    services.trainer_record(user=person, cohort=cohort, by=None)
    return person
