"""Casus screens, one module per screen group: the pages of one casus (casus) and the lists (caseload).

Thin: a rights-scoped fetch, a form, a service call, a redirect or a page. urls.py names the
modules; nothing is re-exported here, so a module name never hides a view of the same name.
"""
