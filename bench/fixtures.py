"""Objects the benchmarks need on top of the demo: a practice quiz open to everyone and the
people who take it. Idempotent, looked up by slug/username. Needs Django set up."""

BENCH_QUIZ_SLUG = "bench-practice"
QUESTIONS = 10


def bench_quiz():
    """A published practice quiz of the NRM course, answers shown at the end (a trainee's
    loop is then: question, answer, next question ... result), any number of attempts."""
    from curriculum.models import CoursePage
    from lms.quizzes.models import Answer, Category, Question, Quiz

    quiz = Quiz.objects.filter(slug=BENCH_QUIZ_SLUG).first()
    if quiz is not None and quiz.questions.exists():
        return quiz
    course = CoursePage.objects.get(code="nrm", locale__language_code="en")
    category, _created = Category.objects.get_or_create(name_en="Benchmark",
                                                        defaults={"name_fr": "Banc d'essai"})
    questions = []
    for number in range(1, QUESTIONS + 1):
        question = Question.objects.create(
            category=category, kind=Question.Kind.MULTIPLE_CHOICE,
            text_en=f"Benchmark question {number}: which actor receives a referral first?",
            text_fr=f"Question d'essai {number} : quel acteur reçoit d'abord l'orientation ?",
            explanation_en="The focal point of the referral mechanism.")
        for position, (text, correct) in enumerate(
                [("The focal point", True), ("The press", False), ("Nobody", False)]):
            Answer.objects.create(question=question, text_en=text, text_fr=text,
                                  is_correct=correct, sort_order=position)
        questions.append(question)
    quiz, _created = Quiz.objects.update_or_create(slug=BENCH_QUIZ_SLUG, defaults={
        "title_en": "Benchmark practice quiz", "title_fr": "Quiz d'essai", "course": course,
        "purpose": Quiz.Purpose.PRACTICE, "pass_mark": 50, "answers_at_end": True,
        "single_attempt": False})
    quiz.questions.set(questions)
    quiz.save()  # a ParentalManyToManyField is written when the cluster is saved
    return Quiz.objects.get(pk=quiz.pk)


def bench_trainees(count: int) -> list:
    """`count` trainees of the demo (enrolled people), oldest accounts first."""
    from lms.accounts.models import User

    people = list(User.objects.filter(enrollments__isnull=False, is_superuser=False)
                  .distinct().order_by("pk")[:count])
    if len(people) < count:
        raise SystemExit(f"the demo has only {len(people)} enrolled trainees (< {count})")
    return people
