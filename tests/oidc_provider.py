"""A small, real OpenID Connect provider for the tests: an HTTP server in a thread with
discovery, signing keys (JWKS), an authorization endpoint with a login form, a token endpoint
(authorization code with PKCE, client secret) and userinfo. ID tokens are RS256-signed with
joserfc. Teamlæring talks to it over HTTP exactly as to a municipality's provider.

`tamper` makes the next ID tokens wrong in one way (another audience, issuer or nonce, a
signature of another key, expired), to see that the app refuses them.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

KEY_ID = "teamlaering-test-key"
TAMPERINGS = ("audience", "issuer", "nonce", "signature", "expired")


@dataclass
class Grant:
    claims: dict[str, Any]
    client_id: str
    redirect_uri: str
    nonce: str | None
    code_challenge: str | None


@dataclass
class LocalProvider:
    client_id: str = "teamlaering"
    client_secret: str = "en-hemmelighed-kun-til-test"
    # username → claims; claims named in `userinfo_only` are left out of the ID token.
    people: dict[str, dict[str, Any]] = field(default_factory=dict)
    userinfo_only: set[str] = field(default_factory=set)
    tamper: str | None = None
    # What the provider was asked, for the tests to look at.
    token_requests: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.key = RSAKey.generate_key(
            2048, parameters={"kid": KEY_ID, "alg": "RS256", "use": "sig"}
        )
        self._grants: dict[str, Grant] = {}
        self._access_tokens: dict[str, dict[str, Any]] = {}
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.provider = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="oidc-provider", daemon=True
        )

    @property
    def issuer(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> LocalProvider:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def add_person(self, username: str, **claims: Any) -> dict[str, Any]:
        person = {
            "sub": f"sub-{username}",
            "preferred_username": username,
            "email": f"{username}@kommune.example",
            **claims,
        }
        self.people[username] = person
        return person

    # The endpoints

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
        }

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self.key.as_dict(private=False)]}

    def authorize(self, params: dict[str, str], username: str | None) -> tuple[int, str, str]:
        """(status, Location or "", HTML): the login form, or back to the client."""
        if params.get("client_id") != self.client_id or not params.get("redirect_uri"):
            return 400, "", "<p>Ukendt klient</p>"
        if params.get("response_type") != "code":
            return 400, "", "<p>Kun response_type=code</p>"
        back = params["redirect_uri"]
        if username is None:
            return 200, "", self._login_form(params)
        if params.get("cancel"):
            query = {"error": "access_denied", "state": params.get("state", "")}
            return 302, f"{back}?{urlencode(query)}", ""
        person = self.people.get(username)
        if person is None:
            return 200, "", self._login_form(params, error="Ukendt bruger hos udbyderen")
        code = secrets.token_urlsafe(24)
        self._grants[code] = Grant(
            claims=dict(person),
            client_id=params["client_id"],
            redirect_uri=back,
            nonce=params.get("nonce"),
            code_challenge=params.get("code_challenge"),
        )
        return 302, f"{back}?{urlencode({'code': code, 'state': params.get('state', '')})}", ""

    def token(self, form: dict[str, str], authorization: str) -> tuple[int, dict[str, Any]]:
        self.token_requests.append(form)
        client_id, secret = form.get("client_id"), form.get("client_secret")
        if authorization.startswith("Basic "):
            client_id, _colon, secret = base64.b64decode(authorization[6:]).decode().partition(":")
        if client_id != self.client_id or secret != self.client_secret:
            return 401, {"error": "invalid_client"}
        grant = self._grants.pop(form.get("code", ""), None)
        if (
            grant is None
            or form.get("grant_type") != "authorization_code"
            or form.get("redirect_uri") != grant.redirect_uri
        ):
            return 400, {"error": "invalid_grant"}
        if grant.code_challenge is not None:
            verifier = form.get("code_verifier", "")
            digest = hashlib.sha256(verifier.encode("ascii")).digest()
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != grant.code_challenge:
                return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        access_token = secrets.token_urlsafe(24)
        self._access_tokens[access_token] = grant.claims
        return 200, {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": self.id_token(grant),
        }

    def id_token(self, grant: Grant) -> str:
        now = int(time.time())
        claims = {
            key: value for key, value in grant.claims.items() if key not in self.userinfo_only
        }
        claims |= {"iss": self.issuer, "aud": self.client_id, "iat": now, "exp": now + 300}
        if grant.nonce is not None:
            claims["nonce"] = grant.nonce
        key = self.key
        if self.tamper == "audience":
            claims["aud"] = "en-anden-klient"
        elif self.tamper == "issuer":
            claims["iss"] = "https://udbyder.example"
        elif self.tamper == "nonce":
            claims["nonce"] = "en-anden-nonce"
        elif self.tamper == "expired":
            claims |= {"iat": now - 7200, "exp": now - 3600}
        elif self.tamper == "signature":
            # Another key under the same key id: the signature does not verify.
            key = RSAKey.generate_key(2048, parameters={"kid": KEY_ID, "alg": "RS256"})
        return jwt.encode({"alg": "RS256", "kid": KEY_ID, "typ": "JWT"}, claims, key)

    def userinfo(self, authorization: str) -> tuple[int, dict[str, Any]]:
        claims = self._access_tokens.get(authorization.removeprefix("Bearer "))
        if claims is None:
            return 401, {"error": "invalid_token"}
        return 200, claims

    def _login_form(self, params: dict[str, str], error: str = "") -> str:
        hidden = "".join(
            f'<input type="hidden" name="{html.escape(name)}" value="{html.escape(value)}">'
            for name, value in params.items()
        )
        return (
            '<!doctype html><html lang="da"><head><meta charset="utf-8">'
            "<title>Testudbyder</title></head><body><main><h1>Testudbyder</h1>"
            f"<p>{html.escape(error)}</p>"
            f'<form method="post" action="/authorize">{hidden}'
            '<label for="username">Brugernavn hos udbyderen</label>'
            '<input id="username" name="username">'
            '<button type="submit">Log ind hos udbyderen</button>'
            '<button type="submit" name="cancel" value="1">Annuller</button>'
            "</form></main></body></html>"
        )


class _Handler(BaseHTTPRequestHandler):
    server: ThreadingHTTPServer

    @property
    def provider(self) -> LocalProvider:
        return self.server.provider  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: str | dict, location: str = "") -> None:
        is_json = isinstance(body, dict)
        data = (json.dumps(body) if is_json else body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if is_json else "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(data)

    def _form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length") or 0)
        fields = parse_qs(self.rfile.read(length).decode())
        return {name: values[-1] for name, values in fields.items()}

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {name: values[-1] for name, values in parse_qs(url.query).items()}
        if url.path == "/.well-known/openid-configuration":
            self._send(200, self.provider.discovery())
        elif url.path == "/jwks":
            self._send(200, self.provider.jwks())
        elif url.path == "/authorize":
            status, location, page = self.provider.authorize(query, None)
            self._send(status, page, location)
        elif url.path == "/userinfo":
            self._send(*self.provider.userinfo(self.headers.get("Authorization", "")))
        else:
            self._send(404, {"error": "not_found"})

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        form = self._form()
        if url.path == "/authorize":
            username = form.pop("username", "")
            status, location, page = self.provider.authorize(form, username)
            self._send(status, page, location)
        elif url.path == "/token":
            self._send(*self.provider.token(form, self.headers.get("Authorization", "")))
        else:
            self._send(404, {"error": "not_found"})
