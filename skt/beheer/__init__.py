"""Functional administration in the product's own screens (``/beheer/``): accounts, teams, kernen,
the sociale kaart, vocabularies and the gemeente profile; and the invitation links by e-mail."""
