"""Module completion and course progress: the rules, called from views, tasks and tests."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from .models import CoursePage, ModuleCompletion, ModulePage


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


def module_mark_complete(*, user, module: ModulePage) -> ModuleCompletion:
    """Record that `user` finished `module` (in any language). Idempotent."""
    existing = ModuleCompletion.objects.filter(user=user, module_key=module.translation_key).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return ModuleCompletion.objects.create(
                user=user, module_key=module.translation_key, module=module
            )
    except IntegrityError:  # a double click raced us: the first one won
        return ModuleCompletion.objects.get(user=user, module_key=module.translation_key)


def module_mark_incomplete(*, user, module: ModulePage) -> None:
    ModuleCompletion.objects.filter(user=user, module_key=module.translation_key).delete()


def course_progress(*, user, course: CoursePage) -> CourseProgress:
    keys = set(course.modules().values_list("translation_key", flat=True))
    if not user.is_authenticated or not keys:
        return CourseProgress(completed=0, total=len(keys), completed_keys=frozenset())
    done = set(
        ModuleCompletion.objects.filter(user=user, module_key__in=keys)
        .values_list("module_key", flat=True)
    )
    return CourseProgress(completed=len(done), total=len(keys), completed_keys=frozenset(done))
