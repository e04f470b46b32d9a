"""A person's own data: their copy of it ("Hent mine data", GDPR art. 15/20) and their erasure
by the site administrator (art. 17)."""
