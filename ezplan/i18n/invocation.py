"""The language of one invocation of the command line, chosen before anything is parsed."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from ezplan.i18n import LANGS, default_lang


def lang_in(argv: Sequence[str]) -> str | None:
    """The last valid ``--lang X`` / ``--lang=X`` before ``--``."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            value: str | None = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        if value in LANGS:
            found = value
    return found


def invocation_lang(argv: Sequence[str]) -> str:
    """``--lang`` among the arguments, else the settings' ``lang``, else the locale. Settings
    that cannot be read count as none here: the command that reads them says why, in the
    locale's language."""
    given = lang_in([str(a) for a in argv])
    if given:
        return given
    from ezplan.settings_files import candidates

    if next(candidates(), None) is None:  # no settings: nothing more to import
        return default_lang()
    from ezplan.config import find_config

    with contextlib.suppress(Exception):
        lang = find_config().lang
        if lang in LANGS:
            return lang
    return default_lang()
