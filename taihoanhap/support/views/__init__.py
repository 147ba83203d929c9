"""Views of the support app, one module per screen family."""
