"""The command line's arguments, one module per command, kept apart from the commands' code.

Each module here that defines ``register(subparsers)`` adds one command (or a group) and names its
handler with ``Handler("module", "function")``: a function of ``rescue_desk.cli.<module>`` imported
only when that command runs. Modules are discovered, so adding a command never edits a shared list.
Import nothing heavy here (no SQLAlchemy, numpy, services, locator): every ``rescue-desk`` invocation,
``--help`` and ``--version`` included, builds the whole parser (tests/cli/test_startup.py checks).
"""
