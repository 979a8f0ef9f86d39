"""Step 2, reading: content files to the checked graph of records.

A file's header and body read safely (``header``), files to typed records and
the parse cache (``loading``), Markdown to sanitised HTML (``markup``), the
linked graph and its cross-file rules (``graph``, ``checks``), editorial pages
(``editorial``). Imports only ``format`` and ``build``.
"""
