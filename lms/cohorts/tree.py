"""Each cohort's top of the cascade (`Cohort.root`) and level when an upstream cohort is
deleted: its children lose their parent (`on_delete=SET_NULL`) and become level-1 tops
themselves (the rule of `services.cohort_set_facilitators` for a cohort with no upstream
cohort), with everything below them. (A new or moved cohort sets its own top in
`Cohort.save`, its subtree follows in `services.relevel_descendants`.)"""

from django.db.models.signals import post_delete, pre_delete

from .models import Cohort
from .services import relevel_descendants


def reroot_below(*, tops: list[int]) -> None:
    """`tops` have no upstream cohort any more: they are level-1 tops of their own, and every
    cohort below one of them has it as its top, one level below its parent."""
    for top in Cohort.objects.filter(pk__in=tops):
        if (top.root_id, top.level) != (None, 1):
            top.root_id, top.level = None, 1
            Cohort.objects.filter(pk=top.pk).update(root=None, level=1)
        relevel_descendants(cohort=top)


def _children_before_delete(sender, instance: Cohort, **kwargs) -> None:
    instance._children_ids = list(Cohort.objects.filter(parent_id=instance.pk)
                                  .values_list("pk", flat=True))


def _reroot_after_delete(sender, instance: Cohort, **kwargs) -> None:
    children = getattr(instance, "_children_ids", [])
    if children:
        reroot_below(tops=children)


def connect() -> None:
    pre_delete.connect(_children_before_delete, sender=Cohort, dispatch_uid="cohort-children")
    post_delete.connect(_reroot_after_delete, sender=Cohort, dispatch_uid="cohort-reroot")
