"""gunicorn settings for the registration bench (`--config python:tests.bench.gunicorn_nomor`):
each worker logs how long it held the number counter row (ppid_manual.workflow.numbering:
"penghitung nomor ... dikunci X ms") to gunicorn's stderr, which the bench reads."""


def post_worker_init(worker):
    import logging

    logging.getLogger("ppid_manual.nomor").setLevel(logging.INFO)
