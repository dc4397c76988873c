#!/usr/bin/python3
"""A small SMTP server for the integration tests, on Debian's python3-aiosmtpd.

Stores every message it accepts in a Maildir (aiosmtpd's Mailbox handler, which adds X-MailFrom
and X-RcptTo with the envelope). With --user and --password it requires AUTH (PLAIN or LOGIN),
without TLS: it listens on 127.0.0.1 only. Prints "ready" once it accepts connections and stops
on SIGTERM or SIGINT.
"""
import argparse
import signal
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()

    smtp_options = {}
    warnings.simplefilter("ignore")  # AUTH without TLS is meant here: 127.0.0.1 only
    if args.user:
        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword)
                  and auth_data.login == args.user.encode()
                  and auth_data.password == (args.password or "").encode())
            # handled=False: aiosmtpd answers 535 itself.
            return AuthResult(success=ok, handled=False)

        smtp_options = {"authenticator": authenticator, "auth_required": True,
                        "auth_require_tls": False}

    # Block the signals before the server thread starts, so this thread alone waits for them.
    stop_signals = {signal.SIGTERM, signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_BLOCK, stop_signals)
    controller = Controller(Mailbox(args.maildir), hostname="127.0.0.1", port=args.port,
                            **smtp_options)
    controller.start()
    print("ready", flush=True)
    signal.sigwait(stop_signals)
    controller.stop()


if __name__ == "__main__":
    main()
