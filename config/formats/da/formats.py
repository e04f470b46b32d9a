"""Danish dates and times as Danes write them: "21. november 2026", "21. nov. 2026" in tables,
"kl. 13.00" (Dansk Sprognævn's full stop between hours and minutes). Templates name these
formats (`|date:"SHORT_DATE_FORMAT"`) instead of spelling out a pattern, so English users get
their own (config/formats/en). Anything not set here falls back to Django's Danish formats."""

DATE_FORMAT = "j. F Y"
SHORT_DATE_FORMAT = "j. N Y"
DATETIME_FORMAT = r"j. F Y \k\l. H.i"
SHORT_DATETIME_FORMAT = r"j. N Y \k\l. H.i"
TIME_FORMAT = "H.i"
MONTH_DAY_FORMAT = "j. F"
YEAR_MONTH_FORMAT = "F Y"
