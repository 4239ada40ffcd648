"""TLS for ``trodden serve``: the certificate and private key the team gives, as an SSL context.

Over plain HTTP anyone listening on the meeting room's network reads the printed address with
its token, then the guide the tablet shows. With ``--tls-cert`` and ``--tls-key`` (PEM files of
a certificate the tablet trusts: the organisation's, or one made with ``mkcert``) the address is
``https://`` and the guide's WebSocket ``wss://``, and the token's cookie is ``Secure``.

A key protected by a passphrase is refused with a message rather than asked for: OpenSSL would
ask on the terminal, or hang where there is none.
"""

from __future__ import annotations

import ssl
from pathlib import Path

from trodden.models.errors import StoreError, system_reason
from trodden.models.import_checks import regular_file
from trodden.tui.i18n import N_, _


class _Encrypted(Exception):
    """Raised by the passphrase callback: OpenSSL asked for one."""


def _no_passphrase() -> str:
    raise _Encrypted


def half_given(cert: Path | None, key: Path | None) -> str | None:
    """What to say when only one of ``--tls-cert`` and ``--tls-key`` was given; None otherwise."""
    if bool(cert) != bool(key):
        return _("give both --tls-cert and --tls-key (the certificate and its private key)")
    return None


def tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    """A server context (TLS 1.2 or newer) holding ``cert`` and ``key``; ``StoreError`` naming the
    file and what to do when they cannot be used."""
    for path in (cert, key):
        try:
            regular_file(path, N_("a PEM file"))  # a pipe would be waited on, a device read forever
            with path.open("rb") as handle:
                handle.read(1)
        except OSError as error:
            message = _("the TLS file {path} cannot be read ({reason})")
            raise StoreError(message.format(path=path, reason=system_reason(error))) from None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(cert, key, password=_no_passphrase)
    except _Encrypted:
        message = _("{key} is protected by a passphrase: give the private key without one (kept on this machine only)")
        raise StoreError(message.format(key=key)) from None
    except ssl.SSLError as error:
        message = _("{cert} and {key} are not a PEM certificate and its private key ({reason})")
        raise StoreError(message.format(cert=cert, key=key, reason=error.reason or error)) from None
    return context
