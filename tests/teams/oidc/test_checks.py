"""`manage.py check`: single sign-on configured in part is an error (not a silently missing
button), and a production provider without HTTPS a warning of `check --deploy`."""

from teams.oidc.checks import configuration_is_whole, provider_uses_https


def test_nothing_to_say_without_single_sign_on():
    assert configuration_is_whole() == []
    assert provider_uses_https() == []


def test_a_configuration_in_part_is_an_error_naming_what_is_missing(settings):
    settings.OIDC_RP_CLIENT_ID = "teamlaering"
    settings.TEAMLAERING_OIDC_ACCESS_CLAIM = "groups"
    (error,) = configuration_is_whole()
    assert error.id == "teams.E001"
    assert "TEAMLAERING_OIDC_CLIENT_ID, TEAMLAERING_OIDC_ACCESS_CLAIM" in error.msg
    assert "TEAMLAERING_OIDC_ISSUER, TEAMLAERING_OIDC_CLIENT_SECRET missing" in error.msg


def test_a_whole_configuration_is_no_error(settings):
    settings.TEAMLAERING_OIDC_ISSUER = "https://login.microsoftonline.com/tenant/v2.0"
    settings.OIDC_RP_CLIENT_ID = "teamlaering"
    settings.OIDC_RP_CLIENT_SECRET = "hemmelig"
    assert configuration_is_whole() == []
    assert provider_uses_https() == []


def test_a_provider_without_https_is_a_deploy_warning(settings):
    settings.TEAMLAERING_OIDC_ISSUER = "http://adfs.kommune.dk/adfs"
    settings.OIDC_RP_CLIENT_ID = "teamlaering"
    settings.OIDC_RP_CLIENT_SECRET = "hemmelig"
    (warning,) = provider_uses_https()
    assert warning.id == "teams.W001"
    assert "http://adfs.kommune.dk/adfs" in warning.msg
