"""Views of the jobs app, one module per screen family."""
