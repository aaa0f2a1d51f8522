from .bank import Answer, Category, Question
from .quiz import Quiz
from .sitting import Sitting, SittingAnswer

__all__ = ["Answer", "Category", "Question", "Quiz", "Sitting", "SittingAnswer"]
