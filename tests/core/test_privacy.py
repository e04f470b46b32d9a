"""The CPR guard: CPR numbers are caught, and the rest of social-work text is left alone."""

from datetime import date

import pytest
from django import forms
from django.core.exceptions import ValidationError
from hypothesis import assume, given
from hypothesis import strategies as st

from core.privacy import (
    CprGuardMixin,
    CprHit,
    find_cpr,
    is_cpr_date,
    scrub_json_strings,
    validate_no_cpr,
    validate_no_cpr_in_value,
)

# --- What must NOT be flagged ------------------------------------------------------------

LAW_REFERENCES = [
    "LAB § 42",
    "SDPL § 27",
    "§ 42, stk. 3",
    "LAB § 42, stk. 1, nr. 1",
    "SDPL § 7, stk. 2",
    "Sygedagpengeloven § 24, stk. 1",
    "Serviceloven § 52, stk. 3, nr. 7",
    "SEL § 50",
    "SEL §§ 50-52",
    "Barnets lov § 47, stk. 1",
    "BL § 140",
    "LAS § 7a",
    "Aktivloven § 11, stk. 2",
    "Retssikkerhedsloven § 10",
    "Forvaltningsloven § 19, stk. 1",
    "FVL § 22",
    "Databeskyttelsesloven § 11, stk. 2, nr. 1",
    "Databeskyttelsesforordningen (EU) 2016/679, artikel 9, stk. 2, litra b",
    "Sundhedsloven § 43",
    "Straffeloven § 152",
    "Integrationsloven § 16, stk. 4",
    "Lov om social pension § 16",
    "Beskæftigelsesindsatsloven § 68, stk. 2",
    "LBK nr. 1284 af 14/11/2018",
    "LBK nr 2019 af 23/10/2023",
    "Lov nr. 753 af 25/06/2018",
    "lov nr. 1146 af 22/06/2020",
    "BEK nr 1615 af 16/12/2019",
    "Bekendtgørelse nr. 1284 af 17. november 2015",
    "Vejledning nr. 9007 af 07/01/2014",
    "VEJ nr. 10436 af 12/12/2023",
    "Principmeddelelse 42-15",
    "Ankestyrelsens principmeddelelse 3-19",
    "U 2018.1234 H",
    "UfR 2015.2345 Ø",
    "FOB 2019-12",
    "L 123 (FT 2022-23)",
    "§ 7, stk. 1, 2. pkt.",
    "jf. § 107",
    "efter LAB § 42, stk. 1 og SDPL § 27",
    "Persondataloven § 5, stk. 3",
    "Lov nr. 1563 af 21/12/2010 § 3",
    "Kap. 7 i barnets lov",
]

DOCUMENT_NUMBERS = [
    "727-2011-53",
    "2019-1234-0001",
    "2020-1234-0002",
    "Dok.nr. 2019-1234-0001",
    "Sagsnr. 2021-012345",
    "Sag 2023-004512",
    "J.nr. 2015-1234",
    "Journalnr. 20/12345",
    "Journalnr. 21/04522",
    "ESDH 2023-0004567",
    "SAG-2020-001234",
    "SAG-2024-123456",
    "Dok.nr. 123456",
    "Dok.nr. 1234567",
    "KMD-nr. 123-456-789",
    "Faktura 100234",
    "Ordre nr. 7722-1100",
    "Dokument 4711-0815",
    "Ref. 2022/0453-11",
    "Ref. nr. 2023-04-15-0001",
    "ID 12345678",
    "Ansøgning nr. 20230045",
    "Akt 45",
    "bilag 3 og 4",
    "Bilag 12, side 4",
    "dok. 2019-1234-0001 side 4",
    "Brev 2018-0021-3344",
    "Notat 2022-5566-0101",
    "EAN 5798000416611",
    "CVR 29189897",
    "CVR-nr. 29 18 98 97",
    "CVR/P-nr. 29189897",
    "Sagsnummer 00.01.00-A00-12-22",
    "Dokumentnr. 7854-2023-17",
    "727-2011-54 og 727-2011-55",
    "Kvitteringsnr. 2023-11-000457",
    "Ticket #4482913",
    "Faktura 2024-100234-01",
    "Sbsys 27.12.04-P20-1-19",
    "Akt-id 1234567890123",
    "Løbenr. 040315-12345",
    "Bilagsnr. 12345-040315-1234",
    "Sag 040315-1234-01",
    "Ref. 2019-040315-1234",
]

DATES = [
    "04.03.2015",
    "4. marts 2015",
    "04-03-2015",
    "2015-03-04",
    "04/03/2015",
    "4/3-2015",
    "4.3.15",
    "4/3 2015",
    "d. 4/3",
    "den 4. marts 2015",
    "4. mar. 2015",
    "marts 2015",
    "uge 10, 2015",
    "2015-W10",
    "1. kvartal 2015",
    "20150304",
    "04032015",
    "040315",
    "født 040315",
    "31.12.1999",
    "29.02.2000",
    "29-02-2024",
    "2024-02-29",
    "1999-12-31",
    "01.01.2000",
    "1. januar 2000",
    "31. december 2023",
    "15/6-23",
    "15.06.23",
    "den 15.6.2023",
    "15. juni 2023",
    "2015-03-04T14:30:00",
    "2015-03-04T14:30:00+01:00",
    "04.03.2015 kl. 14.30",
    "04.03.2015-12.04.2015",
    "periode 010115-311215",
    "fra 04.03.2015 til 12.04.2016",
    "mandag den 4. marts 2015",
    "ons. 4/3",
    "04-03-15",
    "4-3-2015",
    "2015.03.04",
    "4. 3. 2015",
]

PHONE_NUMBERS = [
    "86 54 32 10",
    "+45 86 54 32 10",
    "86543210",
    "20 30 40 50",
    "+45 20 30 40 50",
    "20304050",
    "8654 3210",
    "+45 8654 3210",
    "+4586543210",
    "+45 86543210",
    "0045 86 54 32 10",
    "004586543210",
    "(+45) 86 54 32 10",
    "tlf. 86 54 32 10",
    "Tlf.: 20 30 40 50",
    "mobil 31 41 59 26",
    "Mobil: +45 31 41 59 26",
    "86-54-32-10",
    "86.54.32.10",
    "12 34 56 78",
    "70 10 20 30",
    "+45 70 10 20 30",
    "33 12 34 56",
    "38 15 38 15",
    "72 22 80 00",
    "+45 72 22 80 00",
    "40404040",
    "+45 40 40 40 40",
    "51 23 45 67",
    "61 23 45 67",
    "28 12 03 90",
    "+45 28 12 03 90",
    "22 01 01 90",
    "112",
    "1813",
    "114",
    "tlf. 86 54 32 10 / 20 30 40 50",
    "ring på 86543210 eller 20304050",
    "+46 8 123 456 78",
    "+49 30 1234567",
    "+45 2012 0390",
    "Telefon 8654 3210 (kl. 9-12)",
]

TIMES_AND_YEARS = [
    "kl. 12.00",
    "14:30",
    "kl. 9",
    "kl. 09.30-11.00",
    "08:15-09:45",
    "12.00-12.30",
    "kl 14.30",
    "14.30.15",
    "10:00:00",
    "kl. 23:59",
    "00:00",
    "T14:30:00",
    "2 timer og 30 min",
    "1t 30m",
    "kl. 8.15-15.45",
    "fra kl. 10 til kl. 12",
    "2015",
    "i 2019-2020",
    "i 2019\u20132020",
    "1990'erne",
    "2019/20",
    "2019/2020",
    "fra 2015 til 2019",
    "født 1985",
    "årgang 2001",
    "2010-2015",
    "skoleåret 2023/24",
    "finansåret 2024",
    "1999 og 2000",
    "1. halvår 2023",
    "2014-2016 og 2018-2020",
    "år 2000",
    "2020, 2021 og 2022",
    "13.00-14.00",
    "kl. 12.00 den 4/3",
    "uge 42",
    "kl. 14.30 i 2015",
    "mellem 2015 og 2024",
    "45 minutter",
    "1.000 timer",
    "kl. 07.00-15.30",
    "1985-2025",
]

AMOUNTS_AND_JOURNAL_NUMBERS = [
    "12.500 kr.",
    "kr. 1.250.000,00",
    "3.450,75 kr",
    "DKK 12500",
    "12500 kr.",
    "15.000,-",
    "kr. 250.000",
    "1,5 mio. kr.",
    "ca. 400 kr./md.",
    "120000 kr. om året",
    "250000 kr. i 2024",
    "kr. 15.236,50 pr. måned",
    "27.12.04-G01-3-19",
    "27.24.00-A00-1-20",
    "KLE 27.12.04",
    "29.09.00-P19-1-21",
    "J.nr. 27.12.04-G01-3-19",
    "00.01.00-A00-12-22",
    "27.36.04-G01-1-23",
    "Journalnr. 27.12.04-G01-3-19/2023",
]

SENTENCES = [
    "Borgeren er sygemeldt efter SDPL § 27 og har været til samtale d. 04.03.2015 kl. 12.00.",
    "Se dok.nr. 727-2011-53 og notat af 4. marts 2015; ring på 86 54 32 10 ved spørgsmål.",
    "Ydelsen er på 12.500 kr. om måneden i 2019-2020, jf. LAB § 42, stk. 3.",
    "Mødet flyttes til 2015-03-04 kl. 14:30, og sagen (2019-1234-0001) drøftes igen.",
    "Journal 27.12.04-G01-3-19: borgeren kan kontaktes på +45 20 30 40 50 efter 12.00.",
    "Perioden 010115-311215 er dækket af sygedagpenge; se også LBK nr. 1284 af 14/11/2018.",
    "Forældrene (født 1985 og 1987) har to børn på 7 og 11 år; mødet er i uge 42.",
    "Han har arbejdet 37 timer om ugen siden 2015 og tjener 28.500 kr. før skat.",
    "Ifølge Serviceloven § 52, stk. 3, nr. 7 kan der bevilges aflastning 2 weekender om måneden.",
    "Tlf. 86543210 (kl. 9-12), sagsnr. 2021-012345, bevilling 04-03-2015 til 31-12-2015.",
]

NOT_CPR_GROUPS = {
    "law reference": LAW_REFERENCES,
    "document number": DOCUMENT_NUMBERS,
    "date": DATES,
    "phone number": PHONE_NUMBERS,
    "time or year": TIMES_AND_YEARS,
}

NOT_CPR = [
    *LAW_REFERENCES,
    *DOCUMENT_NUMBERS,
    *DATES,
    *PHONE_NUMBERS,
    *TIMES_AND_YEARS,
    *AMOUNTS_AND_JOURNAL_NUMBERS,
    *SENTENCES,
]

# --- What MUST be flagged: (text, the part that looks like a CPR number) --------------------

CPR_EXAMPLES = [
    ("040315-1234", "040315-1234"),
    ("040315 1234", "040315 1234"),
    ("0403151234", "0403151234"),
    ("010190-1234", "010190-1234"),
    ("(CPR 010190-1234)", "010190-1234"),
    ("CPR: 010190-1234", "010190-1234"),
    ("CPR:0101901234", "0101901234"),
    ("cpr.nr. 311299-4321", "311299-4321"),
    ("CPR-nr. 150672-1111", "150672-1111"),
    ("Borgerens CPR er 040315-1234.", "040315-1234"),
    ("040315-1234 er mødt op", "040315-1234"),
    ("Mødt op: 040315-1234", "040315-1234"),
    ("Barnet, 2902001234, er anbragt", "2902001234"),
    ("29. feb.: 290200-1234", "290200-1234"),
    ("290296-1234", "290296-1234"),
    ("290204-0001", "290204-0001"),
    ("310101 9999", "310101 9999"),
    ("300401-0000", "300401-0000"),
    ("280201-5678", "280201-5678"),
    ("311201-2345", "311201-2345"),
    ("010100-0000", "010100-0000"),
    ("231045 2345", "231045 2345"),
    ("1203881234", "1203881234"),
    ("Mor (120388-1234) og far (130489-2345) deltog.", "120388-1234"),
    ("\u00bb040315-1234\u00ab", "040315-1234"),
    ('"040315-1234"', "040315-1234"),
    ("[040315-1234]", "040315-1234"),
    ("{0403151234}", "0403151234"),
    ("Se 040315-1234, side 2", "040315-1234"),
    ("CPR=040315-1234;", "040315-1234"),
    ("nr.040315-1234", "040315-1234"),
    ("x040315-1234y", "040315-1234"),
    ("abc-040315-1234", "040315-1234"),
    ("040315-1234/sagsbehandler", "040315-1234"),
    ("Linje 1\n040315-1234\nLinje 3", "040315-1234"),
    ("\t0403151234\t", "0403151234"),
    ("Født 04.03.2015, cpr 040315-1234", "040315-1234"),
    ("tlf. 86 54 32 10, cpr 0403151234", "0403151234"),
    ("LAB § 42: 040315-1234", "040315-1234"),
    ("040315\u20131234", "040315\u20131234"),
    ("040315\u20111234", "040315\u20111234"),
    ("040315\u00a01234", "040315\u00a01234"),
    ("CPR\u00a0040315-1234", "040315-1234"),
    ("070707-7070", "070707-7070"),
    ("Sagen om 2512851234 drøftes", "2512851234"),
    ("...040315-1234...", "040315-1234"),
    ("040315-1234!", "040315-1234"),
    ("040315-1234?", "040315-1234"),
]


@pytest.mark.parametrize(("kind", "examples"), NOT_CPR_GROUPS.items())
def test_there_are_at_least_40_examples_of_each_kind(kind, examples):
    assert len(examples) >= 40, kind
    assert len(set(examples)) == len(examples), kind


def test_there_are_at_least_40_cpr_examples():
    assert len(CPR_EXAMPLES) >= 40
    assert len({text for text, _part in CPR_EXAMPLES}) == len(CPR_EXAMPLES)


@pytest.mark.parametrize("text", NOT_CPR)
def test_ordinary_social_work_text_is_not_flagged(text):
    assert find_cpr(text) == []
    validate_no_cpr(text)  # does not raise


@pytest.mark.parametrize("text", NOT_CPR)
def test_ordinary_text_is_not_flagged_inside_a_sentence(text):
    assert find_cpr(f"Jf. notatet ({text}) blev det aftalt, at {text}, og at sagen lukkes.") == []


@pytest.mark.parametrize(("text", "part"), CPR_EXAMPLES)
def test_cpr_numbers_are_flagged(text, part):
    hits = find_cpr(text)
    assert hits, text
    hit = hits[0]
    assert hit.text == part
    assert text[hit.start : hit.end] == part


@pytest.mark.parametrize(("text", "part"), CPR_EXAMPLES)
def test_the_error_names_the_offending_part(text, part):
    with pytest.raises(ValidationError) as caught:
        validate_no_cpr(text)
    error = caught.value
    assert error.error_list[0].code == "cpr"
    message = error.messages[0]
    assert "CPR-nummer" in message
    assert f'"{part}"' in message


def test_the_examples_from_the_product_issue():
    assert find_cpr("0403151234") == [CprHit("0403151234", 0, 10)]
    assert find_cpr("040315-1234") == [CprHit("040315-1234", 0, 11)]
    assert find_cpr("040315 1234") == [CprHit("040315 1234", 0, 11)]
    assert find_cpr("320115-1234") == []  # day 32
    assert find_cpr("041315-1234") == []  # month 13
    assert find_cpr("86543210") == []  # eight digits
    assert find_cpr("1234567890123") == []
    assert find_cpr("727-2011-53") == []
    assert find_cpr("86 54 32 10") == []
    assert find_cpr("12 34 56 78") == []


@pytest.mark.parametrize(
    "text",
    [
        "300215-1234",  # 30 February
        "310415-1234",  # 31 April
        "310615-1234",
        "310915-1234",
        "311115-1234",
        "290201-1234",  # 29 February in a year that is never a leap year
        "290299-1234",
        "000115-1234",  # day 00
        "010015-1234",  # month 00
        "011315-1234",
        "320115 1234",
        "4003151234",
    ],
)
def test_impossible_dates_are_not_flagged(text):
    assert find_cpr(text) == []


@pytest.mark.parametrize("year", ["00", "04", "48", "96"])
def test_29_february_counts_when_the_year_could_be_a_leap_year(year):
    assert find_cpr(f"2902{year}-1234") != []


@pytest.mark.parametrize(
    "text",
    [
        "040315-12345",  # five digits after the date
        "1040315-1234",  # seven digits before the separator
        "040315-1234-01",  # a further hyphenated group
        "01-040315-1234",  # a group before
        "040315--1234",  # two separators
        "040315  1234",  # two spaces
        "040315_1234",  # not a separator
        "040315.1234",
        "040315/1234",
        "04031512345",
        "00403151234",
    ],
)
def test_digits_that_are_part_of_a_longer_number_are_not_flagged(text):
    assert find_cpr(text) == []


def test_every_cpr_number_in_a_text_is_found_in_order():
    text = "Mor 120388-1234, far 1304892345 og barn 290200 3456."
    assert find_cpr(text) == [
        CprHit("120388-1234", 4, 15),
        CprHit("1304892345", 21, 31),
        CprHit("290200 3456", 40, 51),
    ]


def test_the_message_echoes_only_the_matched_part():
    text = "Anna Hansen fra Aarhus, 040315-1234, er ikke mødt"
    with pytest.raises(ValidationError) as caught:
        validate_no_cpr(text)
    [message] = caught.value.messages
    assert message == (
        '"040315-1234" ligner et CPR-nummer. Sager drøftes pseudonymiseret, så CPR-numre '
        "må ikke skrives her. Fjern eller omskriv det."
    )
    assert "Anna" not in message
    assert "Aarhus" not in message


def test_each_distinct_cpr_number_gets_its_own_error():
    with pytest.raises(ValidationError) as caught:
        validate_no_cpr("120388-1234 og 130489-2345 og igen 120388-1234")
    messages = caught.value.messages
    assert len(messages) == 2
    assert '"120388-1234"' in messages[0]
    assert '"130489-2345"' in messages[1]


def test_empty_text_passes():
    validate_no_cpr("")
    assert find_cpr("") == []


# --- Properties --------------------------------------------------------------------------

SEPARATORS = st.sampled_from(["", "-", " "])
SERIALS = st.text(alphabet="0123456789", min_size=4, max_size=4)
# Surrounding words: anything but digits, so the ten digits stand on their own.
WORDS = st.text(
    alphabet=st.characters(categories=["L", "P", "Zs"], exclude_characters="0123456789"),
    max_size=30,
)


def real_date(day: int, month: int, year: int) -> bool:
    """An independent oracle: the date exists in the 1900s or the 2000s."""
    for century in (1900, 2000):
        try:
            date(century + year, month, day)
        except ValueError:
            continue
        return True
    return False


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    SEPARATORS,
    SERIALS,
)
def test_every_valid_date_with_any_serial_is_caught(day, separator, serial):
    cpr = f"{day:%d%m%y}{separator}{serial}"
    assert find_cpr(cpr) == [CprHit(cpr, 0, len(cpr))]


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    SEPARATORS,
    SERIALS,
    WORDS,
    WORDS,
)
def test_a_cpr_number_is_caught_inside_surrounding_words(day, separator, serial, before, after):
    cpr = f"{day:%d%m%y}{separator}{serial}"
    text = f"{before}{cpr}{after}"
    hits = find_cpr(text)
    assert CprHit(cpr, len(before), len(before) + len(cpr)) in hits
    with pytest.raises(ValidationError, match="CPR-nummer"):
        validate_no_cpr(text)


@given(
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(0, 99),
    SEPARATORS,
    SERIALS,
    WORDS,
    WORDS,
)
def test_an_invalid_day_or_month_is_never_caught(
    day, month, year, separator, serial, before, after
):
    assume(not real_date(day, month, year))
    text = f"{before}{day:02d}{month:02d}{year:02d}{separator}{serial}{after}"
    assert find_cpr(text) == []


@given(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99))
def test_the_date_rule_matches_the_calendar(day, month, year):
    assert is_cpr_date(day, month, year) == real_date(day, month, year)


@given(st.text(alphabet="0123456789", min_size=11, max_size=40))
def test_long_runs_of_digits_are_never_caught(digits):
    assert find_cpr(digits) == []


@given(
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.sampled_from(["{}", "+45 {}", "0045 {}", "+45{}", "tlf. {}"]),
    st.sampled_from(["plain", "pairs", "quads"]),
)
def test_danish_phone_numbers_are_never_caught(digits, template, grouping):
    if grouping == "pairs":
        number = " ".join(digits[i : i + 2] for i in range(0, 8, 2))
    elif grouping == "quads":
        number = f"{digits[:4]} {digits[4:]}"
    else:
        number = digits
    assert find_cpr(template.format(number)) == []


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_dates_in_everyday_formats_are_never_caught(day):
    for text in (
        f"{day:%d.%m.%Y}",
        f"{day:%d-%m-%Y}",
        f"{day:%Y-%m-%d}",
        f"{day:%d/%m/%Y}",
        f"{day:%d%m%Y}",
        f"{day:%Y%m%d}",
        f"{day:%d%m%y}",
        f"{day.day}. {day.month}. {day.year} kl. 12.00",
    ):
        assert find_cpr(text) == [], text


@given(st.text())
def test_every_hit_is_the_text_it_points_at(text):
    for hit in find_cpr(text):
        assert text[hit.start : hit.end] == hit.text


# --- JSON ----------------------------------------------------------------------------------


def test_cpr_numbers_are_found_in_nested_json_strings():
    timeline = {
        "events": [
            {"date": "2015-03-04", "text": "Første samtale, tlf. 86 54 32 10"},
            {"date": "2016-01-01", "text": "Mor (120388-1234) flytter"},
        ],
        "genogram": {"nodes": [{"label": "Far", "note": ["født 1985", "1304892345"]}]},
        "1111111118": "key that looks like a CPR number",
        "0403151234": None,
        "count": 3,
        "timestamp": 1712345678,
        "ok": True,
    }
    assert [hit.text for hit in scrub_json_strings(timeline)] == [
        "120388-1234",
        "1304892345",
        "1111111118",
        "0403151234",
    ]


def test_json_without_cpr_numbers_gives_no_hits():
    assert scrub_json_strings({"a": ["04.03.2015", {"b": "LAB § 42"}], "c": 86543210}) == []
    assert scrub_json_strings([]) == []
    assert scrub_json_strings(None) == []
    assert scrub_json_strings(1712345678) == []


def test_a_bare_string_is_scrubbed_too():
    assert scrub_json_strings("040315-1234") == [CprHit("040315-1234", 0, 11)]


def test_deeply_nested_json_is_scrubbed_without_recursion_limits():
    value: object = "040315-1234"
    for _level in range(5000):
        value = [value]
    assert scrub_json_strings(value) == [CprHit("040315-1234", 0, 11)]


# --- Forms ---------------------------------------------------------------------------------


class NoteForm(CprGuardMixin, forms.Form):
    title = forms.CharField(max_length=100)
    notes = forms.CharField(widget=forms.Textarea, required=False)
    attendees = forms.IntegerField(required=False)

    def clean_notes(self):
        value = self.cleaned_data["notes"]
        assert not find_cpr(value), "clean_notes must not see a CPR number"
        return value.strip()


def test_the_error_is_on_the_field_with_the_cpr_number_and_the_rest_is_kept():
    form = NoteForm(
        data={
            "title": "Samtale om LAB § 42",
            "notes": "Borgeren (040315-1234) ønsker hjælp.",
            "attendees": "3",
        }
    )
    assert not form.is_valid()
    assert list(form.errors) == ["notes"]
    [message] = form.errors["notes"]
    assert "CPR-nummer" in message
    assert '"040315-1234"' in message
    assert "Borgeren" not in message
    assert form.errors.as_data()["notes"][0].code == "cpr"
    assert form.cleaned_data == {"title": "Samtale om LAB § 42", "attendees": 3}
    # What was typed is shown again, so it can be corrected rather than retyped.
    assert form["notes"].value() == "Borgeren (040315-1234) ønsker hjælp."


def test_a_cpr_number_in_either_field_is_reported_on_that_field():
    form = NoteForm(data={"title": "0403151234", "notes": "Mødt op d. 04.03.2015 kl. 12.00"})
    assert not form.is_valid()
    assert list(form.errors) == ["title"]
    assert form.cleaned_data["notes"] == "Mødt op d. 04.03.2015 kl. 12.00"


def test_a_form_without_cpr_numbers_is_valid():
    form = NoteForm(
        data={"title": "Sag 727-2011-53", "notes": " Ring på 86 54 32 10 ", "attendees": ""}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "title": "Sag 727-2011-53",
        "notes": "Ring på 86 54 32 10",
        "attendees": None,
    }


def test_empty_fields_are_not_checked_and_other_errors_still_show():
    form = NoteForm(data={"title": "", "notes": ""})
    assert not form.is_valid()
    assert form.errors.as_data()["title"][0].code == "required"


def test_the_guard_does_not_leak_into_the_form_class():
    NoteForm(data={})
    assert validate_no_cpr_in_value not in NoteForm.base_fields["notes"].validators
    form = NoteForm(data={})
    assert form.fields["notes"].validators.count(validate_no_cpr_in_value) == 1
    assert validate_no_cpr_in_value not in form.fields["attendees"].validators


class ExemptForm(CprGuardMixin, forms.Form):
    cpr_guard_exempt_fields = ("reference",)
    reference = forms.CharField()
    summary = forms.CharField()


def test_exempt_fields_are_left_alone():
    form = ExemptForm(data={"reference": "0403151234", "summary": "Intet"})
    assert form.is_valid(), form.errors


class TimelineForm(CprGuardMixin, forms.Form):
    timeline = forms.JSONField()


def test_json_fields_are_searched_for_nested_cpr_numbers():
    form = TimelineForm(data={"timeline": '[{"text": "Mor 120388-1234 flytter"}]'})
    assert not form.is_valid()
    assert '"120388-1234"' in form.errors["timeline"][0]

    clean = TimelineForm(data={"timeline": '[{"text": "Mor flytter 04.03.2015"}]'})
    assert clean.is_valid(), clean.errors
