"""Module completion and course progress: the rules, called from views, pages, tasks and tests.

Completions are keyed by the module's translation key, so progress made on the French page
counts on the English one and the other way round.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q

from wagtail.models import Locale

from lms.accounts import roles
from lms.core.prepared import PreparedRead

from . import page_cache, selectors
from .models import CataloguePage, CoursePage, ModuleCompletion, ModulePage


@dataclass(frozen=True)
class CourseProgress:
    completed: int
    total: int
    completed_keys: frozenset

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.total) if self.total else 0

    @property
    def is_complete(self) -> bool:
        return self.total > 0 and self.completed >= self.total

    @property
    def is_started(self) -> bool:
        return self.completed > 0


def _nothing_follows(*, user, module: ModulePage) -> None:
    return None


@dataclass
class ModuleSeams:
    """What follows a module completion in apps above the curriculum, which it never imports:
    the cohorts app plugs in the re-evaluation of the course's completion rule (a course may
    require every module) at start-up (`CohortsConfig.ready`)."""

    on_completed: Callable[..., object] = _nothing_follows


module_seams = ModuleSeams()


def can_see_facilitator_notes(*, user, is_preview: bool = False) -> bool:
    """Facilitator-only notes show in Wagtail previews and to those who run sessions or write
    the curriculum (facilitators, curriculum editors, administrators); never to trainees,
    coordinators or anonymous visitors."""
    return is_preview or (user is not None and user.has_perm(roles.READ_FACILITATOR_NOTES))


def module_mark_complete(*, user, module: ModulePage) -> ModuleCompletion:
    """Record that `user` finished `module` (in any language), then let the course's
    completion rule look again (`module_seams`). Idempotent."""
    completion = ModuleCompletion.objects.filter(
        user=user, module_key=module.translation_key).first()
    if completion is None:
        try:
            with transaction.atomic():
                completion = ModuleCompletion.objects.create(
                    user=user, module_key=module.translation_key, module=module
                )
        except IntegrityError:  # a double click raced us: the first one won
            completion = ModuleCompletion.objects.get(user=user,
                                                      module_key=module.translation_key)
    module_seams.on_completed(user=user, module=module)
    return completion


def course_modules_mark_complete(*, users: Iterable, course: CoursePage) -> int:
    """Record every live module of `course` as completed by each of `users`, in bulk and
    without the per-module follow-up (the demo loader evaluates completion itself after)."""
    keys = set(ModulePage.objects.child_of(course).live().values_list("translation_key",
                                                                      flat=True))
    rows = [ModuleCompletion(user=user, module_key=key) for user in users for key in keys]
    created = ModuleCompletion.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2000)
    return len(created)


def module_mark_incomplete(*, user, module: ModulePage) -> None:
    ModuleCompletion.objects.filter(user=user, module_key=module.translation_key).delete()


# At most one row (one completion per person and module): read on every module page, its
# SQL compiled once (`lms.core.prepared`).
_COMPLETION = PreparedRead(lambda: ModuleCompletion.objects.values_list("pk", flat=True),
                           "user_id", "module_key")


def module_is_complete(*, user, module: ModulePage) -> bool:
    if not user.is_authenticated:
        return False
    return bool(_COMPLETION.rows(user.pk, module.translation_key))


def course_progress(*, user, course: CoursePage, published: bool = False) -> CourseProgress:
    """`published`: the course's modules as the cache of published pages has them
    (`page_cache`, replaced on every publication), for what pages show; the completion rule
    itself reads them from the database."""
    if not published:
        return courses_progress(user=user, courses=[course])[course.pk]
    keys = page_cache.cached(None, "module-keys", (course.pk,),
                             lambda: module_keys_by_course(courses=[course]))
    return progress_from_keys(user=user, keys_by_course=keys)[course.pk]


def courses_progress(*, user, courses: Iterable[CoursePage]) -> dict[int, CourseProgress]:
    """Progress of `user` in each course, keyed by course id: two queries for any number."""
    return progress_from_keys(user=user, keys_by_course=module_keys_by_course(courses=courses))


def module_keys_by_course(*, courses: Iterable[CoursePage]) -> dict[int, frozenset]:
    """Course id → translation keys of its live public modules (one query for any number):
    what pages cache per publication (`page_cache`) and progress counts against."""
    courses = list(courses)
    if not courses:
        return {}
    in_any_course = Q()
    for course in courses:
        in_any_course |= Q(path__startswith=course.path, depth=course.depth + 1)
    module_rows = ModulePage.objects.live().public().filter(in_any_course).values_list(
        "path", "translation_key"
    )
    keys_by_path: dict[str, set] = {course.path: set() for course in courses}
    for path, key in module_rows:
        keys_by_path[path[: -ModulePage.steplen]].add(key)
    return {course.pk: frozenset(keys_by_path[course.path]) for course in courses}


def progress_from_keys(*, user, keys_by_course: dict[int, frozenset]) -> dict[int, CourseProgress]:
    """Progress of `user` against known module keys: one query (none when signed out)."""
    done: frozenset = frozenset()
    if any(keys_by_course.values()):
        done = selectors.completed_module_keys(user=user)
    result = {}
    for course_id, keys in keys_by_course.items():
        completed = frozenset(keys & done)
        result[course_id] = CourseProgress(
            completed=len(completed), total=len(keys), completed_keys=completed
        )
    return result


def learner_courses(*, user, locale: Locale | None = None) -> list[CoursePage]:
    """The live courses `user` follows, in `locale` where translated (else their own language):
    the courses of the cohorts they are enrolled in, and those where they finished a module."""
    if not user.is_authenticated:
        return []
    locale = locale or Locale.get_active()
    enrolled_keys = set(  # through the user: the curriculum never imports the cohorts app
        user.enrollments.active().values_list("cohort__course__translation_key", flat=True)
    )
    completed_keys = ModuleCompletion.objects.filter(user=user).values("module_key")
    module_paths = ModulePage.objects.filter(translation_key__in=completed_keys).values_list(
        "path", flat=True
    )
    course_paths = {path[: -ModulePage.steplen] for path in module_paths}
    studied_keys = set(
        CoursePage.objects.filter(path__in=course_paths).values_list("translation_key", flat=True)
    )
    keys = enrolled_keys | studied_keys
    candidates = CoursePage.objects.live().public().filter(translation_key__in=keys).order_by(
        "path"
    ).select_related("cover_image", "locale")
    chosen: dict = {}
    for course in candidates:
        best = chosen.get(course.translation_key)
        if best is None or (course.locale_id == locale.pk and best.locale_id != locale.pk):
            chosen[course.translation_key] = course
    return sorted(chosen.values(), key=lambda course: course.path)


def catalogue_for_locale(*, locale: Locale) -> CataloguePage | None:
    """The live course catalogue of one language's tree (the first one if there are several)."""
    return CataloguePage.objects.live().filter(locale=locale).order_by("path").first()
