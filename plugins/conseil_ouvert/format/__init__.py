"""Step 1, the content format: what a content file may say, declared once.

The typed records (``model``), the field language and its French messages
(``fields``, ``problems``, ``codes``), the declaration of every kind of file
(``vocabulary``, ``kinds/``, ``schema``), and how values are shown in French
(``formatting``, ``typography``, ``urls``, ``reference``). Imports nothing else
of the plugin.
"""
