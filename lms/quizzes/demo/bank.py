"""Create a demo course's categories, questions and quizzes once."""

from django.db import transaction

from curriculum.models import CoursePage, ModulePage

from ..models import Answer, Category, Question, Quiz


def _categories(content) -> dict[str, Category]:
    root, _created = Category.objects.get_or_create(
        name_en=content.ROOT[0], parent=None, defaults={"name_fr": content.ROOT[1]})
    found = {}
    for key, (name_en, name_fr) in content.CATEGORIES.items():
        found[key], _created = Category.objects.get_or_create(
            name_en=name_en, parent=root, defaults={"name_fr": name_fr})
    return found


def _question(spec, categories) -> Question:
    question = Question.objects.create(
        category=categories[spec.category], kind=spec.kind, text_en=spec.text_en,
        text_fr=spec.text_fr, true_false_answer=spec.true_false,
        explanation_en=spec.explanation_en, explanation_fr=spec.explanation_fr)
    Answer.objects.bulk_create([
        Answer(question=question, sort_order=i, text_en=en, text_fr=fr, is_correct=right)
        for i, (en, fr, right) in enumerate(spec.options)
    ])
    return question


@transaction.atomic
def quizzes_ensure(*, course: CoursePage, content) -> tuple[Quiz, Quiz, Quiz]:
    slugs = [f"{course.code}-pre-test", f"{course.code}-post-test", f"{course.code}-practice"]
    existing = {q.slug: q for q in Quiz.objects.filter(slug__in=slugs)}
    if len(existing) == 3:
        return tuple(existing[slug] for slug in slugs)
    categories = _categories(content)
    objective = [_question(spec, categories) for spec in content.QUESTIONS]
    practice_bank = [_question(spec, categories) for spec in content.PRACTICE]
    category, text_en, text_fr, why_en, why_fr = content.ESSAY
    essay = Question.objects.create(
        category=categories[category], kind=Question.Kind.ESSAY, points=4, text_en=text_en,
        text_fr=text_fr, explanation_en=why_en, explanation_fr=why_fr)
    name_en, name_fr = content.ROOT
    first_module = ModulePage.objects.child_of(course).order_by("path").first()
    common = {"course": course}
    pre = Quiz.objects.create(
        slug=slugs[0], purpose=Quiz.Purpose.PRE_TEST, single_attempt=True, pass_mark=50,
        title_en=f"Pre-test: {name_en}", title_fr=f"Pré-test : {name_fr}",
        description_en="Answer before the training starts. It measures what you already "
                       "know; the result does not count towards your certificate, and the "
                       "right answers come with the training.",
        description_fr="À faire avant le début de la formation. Il mesure ce que vous "
                       "savez déjà ; le résultat ne compte pas pour votre certificat, et les "
                       "bonnes réponses viennent avec la formation.",
        time_limit_minutes=20, show_answers=False, **common)
    post = Quiz.objects.create(
        slug=slugs[1], purpose=Quiz.Purpose.POST_TEST, pass_mark=70, random_order=True,
        max_attempts=3, retake_wait_hours=24,
        title_en=f"Post-test: {name_en}", title_fr=f"Post-test : {name_fr}",
        description_en="Answer at the end of the training. You need 70 % to complete the "
                       "course; a facilitator marks the written answer. Up to three "
                       "attempts, a day apart.",
        description_fr="À faire à la fin de la formation. Il faut 70 % pour valider le "
                       "cours ; un facilitateur corrige la réponse rédigée. Trois tentatives "
                       "au plus, à un jour d'intervalle.",
        success_text_en="Well done: you have reached the pass mark of the course.",
        success_text_fr="Bravo : vous avez atteint le seuil de réussite du cours.",
        fail_text_en="Not yet: review the modules with your facilitator and try again.",
        fail_text_fr="Pas encore : revoyez les modules avec votre facilitateur et "
                     "réessayez.",
        time_limit_minutes=40, **common)
    practice = Quiz.objects.create(
        slug=slugs[2], purpose=Quiz.Purpose.PRACTICE, pass_mark=60, random_order=True,
        max_questions=5, answers_at_end=False, module=first_module, exam_paper=False,
        title_en=f"Practice: {name_en}", title_fr=f"Entraînement : {name_fr}",
        description_en="Five questions drawn at random; the answer is shown after each one.",
        description_fr="Cinq questions tirées au hasard ; la réponse s'affiche après "
                       "chacune.",
        **common)
    pre.questions.set(objective[:10])
    post.questions.set([*objective, essay])
    # The pre-test shares the post-test's questions (to measure the gain) and shows no
    # answers; the practice quiz shows answers, so it has questions of its own.
    practice.questions.set(practice_bank)
    for quiz in (pre, post, practice):
        quiz.save()
    return pre, post, practice
