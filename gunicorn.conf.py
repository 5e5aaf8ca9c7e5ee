"""gunicorn settings, read from the working directory (the repository root, /app in the image)."""

from common.heap import settle_startup_heap


def post_worker_init(worker):
    """Each worker, once its app is built, freezes its start-up heap (common/heap.py)."""
    settle_startup_heap()
