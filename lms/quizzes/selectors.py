"""Read-side questions about quizzes asked by other apps. (Owned by the quiz engine work.)"""


def post_test_passed(*, user, course) -> bool:
    """Has `user` a completed, passed post-test sitting for `course` (any locale of it)?"""
    raise NotImplementedError
