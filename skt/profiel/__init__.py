"""Gemeente profiles: read, validate and apply a TOML profile (the files in ``skt/profielen/``).

A profile is validated completely before anything is written, so a bad file never leaves half a
configuration behind. Every message names the line in the file: the people who fix a profile are
beheerders with a text editor, and tomllib itself gives no line numbers for valid-but-wrong data.

- ``regels``: line numbers of headers and keys in the text;
- ``schema``: what a profile may contain, and the rule for every single value;
- ``validatie``: the whole document checked against the schema, one message per problem;
- ``lezen``: finding shipped profiles, reading TOML, syntax errors;
- ``toepassen``: writing a valid profile to the database, idempotently;
- ``instellingen``: the active profile's settings as one typed object, ``instellingen()``.

The public names are re-exported by ``skt.profielen``; this package imports nothing on its own so
that ``skt.services`` and the modules here can import each other's parts without a cycle.
"""
