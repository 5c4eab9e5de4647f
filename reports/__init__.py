"""Stage 4: what inspectors and analysts read.

    >>> findings = reports.audit(con, report_id)       # consistency audit, stored in `findings`

Every finding names its check, says what was reported, what was recomputed and the
rule used (in Bahasa Indonesia), and quotes the text with its page/line.
"""

from __future__ import annotations

from reports.audit import audit_report as audit
from reports.codes import CODES
from reports.model import Finding

__all__ = ["CODES", "Finding", "audit"]
