"""`agenda-extract serve`: the tool over HTTP, for programs (POST a PDF, get the document `run`
writes) and for people (a drop page that answers with the review page).

Beside `cli` at the top of the layers: it may use pipeline, batch (the limited child), review,
output and the work the commands do in that child (cli.tasks). Every paper is read in a forked,
limited child, at most --jobs at once (readings.py); the routes (app.py) only stream uploads
to disk (uploads.py), queue readings and turn errors into JSON (errors.py).
"""
