"""Arrangement screens, one module per screen group (opstellen, beoordelen, lijsten, berichten).

Thin: a rights-scoped fetch, a form, a service call, a redirect or a page. urls.py names the
modules; nothing is re-exported here, so a module name never hides a view of the same name.
"""
