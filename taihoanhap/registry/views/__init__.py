"""The registry's pages, one module per screen family (persons, cases, work queue)."""
