"""English dates and times for the users who chose English: day before month as in Denmark
("21 November 2026", "21 Nov. 2026" in tables) and a 24-hour clock. Anything not set here
falls back to Django's English formats."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j N Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j N Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
