"""The minimal Django page of shared/design/PERFORMANCE.md, served by the benchmark itself.

One view, one indexed query, 25 rows rendered by a template; Django's default settings, no
session, no user, no layout and none of our middleware. Every officer page is reported as a
ratio to it, measured in the same run, beside our own directory page (which already carries the
session, the user, the middleware and the layout that every page of ours pays for).
"""
