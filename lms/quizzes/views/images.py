"""A question's image, handed out only to those who may see the question: the file sits in
the private storage (S3 or the local disk), never at a public address."""

import mimetypes
import posixpath

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from lms.core.files import private_file_response

from .. import selectors
from ..models import Question

# The page's URL carries the file's name (`?v=`), so a new image gets a new URL: the
# browser may keep this one a day (mobile data), streamed or not.
IMAGE_CACHE_SECONDS = 24 * 3600


def question_image(request: HttpRequest, pk: int) -> HttpResponse:
    """404 for anyone who may not see the question (anonymous included): its existence is
    not disclosed."""
    question = get_object_or_404(Question.objects.only("pk", "image"), pk=pk)
    if not question.image or not selectors.question_image_visible_to(user=request.user,
                                                                     question=question):
        raise Http404
    name = question.image.name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if not content_type.startswith("image/"):
        raise Http404
    return private_file_response(name=name, filename=posixpath.basename(name),
                                 content_type=content_type, storage=question.image.storage,
                                 inline=True, cache_seconds=IMAGE_CACHE_SECONDS)
