"""Errors a stage raises for one document; the flow turns each into a `rejects` row.

Every error carries a short `reason` code (a column value readers can group by) and a
`detail` sentence that tells a person what is wrong and what to do about it.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base class: a document that cannot be processed, with a reason code and an actionable detail."""

    reason = "error"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class EmptyFileError(PipelineError):
    reason = "empty"


class BinaryFileError(PipelineError):
    reason = "binary"


class UndecodableError(PipelineError):
    reason = "undecodable"


class TooLargeError(PipelineError):
    reason = "too_large"


class UnreadableError(PipelineError):
    reason = "unreadable"


class UnsupportedTypeError(PipelineError):
    reason = "unsupported_type"


class NoTextError(PipelineError):
    reason = "no_text"


class VanishedError(PipelineError):
    """The file disappeared or changed between discovery and reading."""

    reason = "vanished"


class InternalError(PipelineError):
    """A bug in the pipeline itself: the document is rejected rather than stopping the run."""

    reason = "internal_error"


class ConfigError(ValueError):
    """A configuration file or value that cannot be used."""


class LockedError(RuntimeError):
    """Another run holds the output directory's writer lock."""
