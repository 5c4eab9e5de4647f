"""`python -m lakip`. Ctrl-C / SIGTERM during start-up (the imports take a moment) end the run with
the status a batch would give (130 / 143), before anything is opened."""

import signal


def _starting(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


for _s in (signal.SIGINT, signal.SIGTERM):
    if signal.getsignal(_s) is not signal.SIG_IGN:
        signal.signal(_s, _starting)

from lakip.cli import main  # noqa: E402

main()
