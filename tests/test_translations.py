"""The English catalogue: every Danish source string has a translation, and it is compiled."""

import ast
import gettext
from pathlib import Path

from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


def po_entries(path: Path) -> list[tuple[str, str, bool, str]]:
    """(msgid, msgstr, fuzzy, msgid_plural) for each entry; plurals read as their first form."""
    entries: list[tuple[str, str, bool, str]] = []
    msgid = msgstr = plural = None
    fuzzy = False
    target = None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgid "):
            msgid, target = ast.literal_eval(line[6:]), "id"
        elif line.startswith("msgid_plural "):
            plural, target = ast.literal_eval(line[13:]), "plural"
        elif line.startswith(("msgstr ", "msgstr[0] ")):
            msgstr, target = ast.literal_eval(line.split(" ", 1)[1]), "str"
        elif line.startswith("msgstr["):
            target = None
        elif line.startswith('"') and target == "id":
            msgid += ast.literal_eval(line)
        elif line.startswith('"') and target == "plural":
            plural += ast.literal_eval(line)
        elif line.startswith('"') and target == "str":
            msgstr += ast.literal_eval(line)
        elif not line.strip():
            if msgid:
                entries.append((msgid, msgstr or "", fuzzy, plural or ""))
            msgid = msgstr = plural = target = None
            fuzzy = False
    return entries


def test_every_interface_string_has_an_english_translation():
    entries = po_entries(LOCALE / "en" / "LC_MESSAGES" / "django.po")
    assert len(entries) > 100
    untranslated = [msgid for msgid, msgstr, fuzzy, _plural in entries if not msgstr or fuzzy]
    assert untranslated == []


def test_the_compiled_english_catalogue_matches_its_source():
    with open(LOCALE / "en" / "LC_MESSAGES" / "django.mo", "rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    for msgid, msgstr, _fuzzy, plural in po_entries(LOCALE / "en" / "LC_MESSAGES" / "django.po"):
        shown = catalogue.ngettext(msgid, plural, 1) if plural else catalogue.gettext(msgid)
        assert shown == msgstr, msgid
