"""The study on disk: the store API, the durable database under it, atomic files, locks, live events.

Everything else reads and writes study data through the store API; the rest is its machinery.

Store API:  ``store`` (``StudyStore``: the study folder), ``session`` (``InterviewSession``: one
            interview's notes), ``study_file`` (``StudyFile``: ``study.json``), ``live`` (live
            events), ``layout`` (file names), ``model_json`` (JSON files and their errors).
Machinery:  ``durable`` (``DurableDB``: journal + snapshots), ``tables`` (its in-memory tables and
            queries), ``journal`` and ``snapshot`` (its two file formats), ``gc_policy`` (the
            garbage collector around big loads), ``atomic`` (crash-safe files), ``lockfile``.
"""
