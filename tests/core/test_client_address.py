import pytest
from django.test import RequestFactory, override_settings

from core.client_address import client_address


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "127.0.0.1"),  # no proxy: the header is the client's own words
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # a spoofed entry to the left is ignored
        (1, "1.2.3.4,203.0.113.7", "203.0.113.7"),
        (2, "203.0.113.7, 10.0.0.5", "203.0.113.7"),
        (2, "9.9.9.9, 203.0.113.7, 10.0.0.5", "203.0.113.7"),
        (2, "203.0.113.7", "127.0.0.1"),  # shorter than the chain: not through the proxies
        (1, "", "127.0.0.1"),
        (1, "not-an-address", "127.0.0.1"),
        (1, "::1", "::1"),
    ],
)
def test_the_client_is_read_from_the_trusted_end_of_the_chain(proxies, forwarded, expected):
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="127.0.0.1")
    with override_settings(TEAMLAERING_PROXY_COUNT=proxies):
        assert client_address(request) == expected
