"""Configuration: one frozen dataclass per stage, overridable from a TOML file.

A TOML file overrides only the keys it sets, e.g.::

    [sources]
    max_bytes = 50_000_000

    [tag]
    min_paragraph_chars = 60

Unknown sections or keys are an error (a typo must not be silently ignored).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class SourcesConfig:
    # Files above this size are rejected (`too_large`) rather than exhausting a worker's memory.
    max_bytes: int = 64 * 1024 * 1024
    # Extensions read as text; anything else is rejected as `unsupported_type`.
    text_extensions: tuple[str, ...] = (
        ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".srt", ".vtt", ".csv", "",
    )
    # Temporary names that are never treated as documents (partial downloads, editor backups).
    ignore_suffixes: tuple[str, ...] = (".part", ".tmp", ".crdownload", ".swp", "~")


@dataclass(frozen=True)
class CleanConfig:
    # A short line repeated at least this many times is page furniture (a running head or footer).
    furniture_min_repeats: int = 3
    furniture_max_chars: int = 120


@dataclass(frozen=True)
class TagConfig:
    # Paragraphs shorter than this take their section's language: langdetect is unreliable on them.
    min_paragraph_chars: int = 40
    # Characters of a section sampled for its language; bounded so long sections cost the same.
    section_sample_chars: int = 3000
    # Below this langdetect probability the language is reported as `und`.
    min_language_score: float = 0.5
    langdetect_seed: int = 0
    # Languages dateparser tries for a date (its default, all ~200 locales, costs ~100 ms a date).
    date_languages: tuple[str, ...] = (
        "en", "fr", "de", "es", "it", "pt", "ru", "uk", "pl", "nl", "sv", "da", "nb", "fi", "cs", "ro",
        "hu", "tr", "ko", "zh", "ja", "ar", "id", "sw", "el", "bg", "sr", "hr",
    )


@dataclass(frozen=True)
class Config:
    sources: SourcesConfig = field(default_factory=SourcesConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    tag: TagConfig = field(default_factory=TagConfig)

    def fingerprint(self) -> str:
        """A short hash of every setting: documents processed under other settings are redone."""
        blob = json.dumps(dataclasses.asdict(self), sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:12]


def _override(obj: Any, values: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in dataclasses.fields(obj)}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"unknown setting {where}.{key}; known: {', '.join(sorted(known))}")
        current = getattr(obj, key)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}.{key} must be a table")
            changes[key] = _override(current, value, f"{where}.{key}")
        elif isinstance(current, tuple):
            changes[key] = tuple(value)
        elif isinstance(current, bool) or not isinstance(value, type(current)):
            if isinstance(current, float) and isinstance(value, int):
                changes[key] = float(value)
            elif type(value) is not type(current):
                raise ConfigError(f"{where}.{key} must be {type(current).__name__}, got {value!r}")
            else:
                changes[key] = value
        else:
            changes[key] = value
    return dataclasses.replace(obj, **changes)


def load_config(path: str | Path | None = None) -> Config:
    """The default configuration, overridden by the TOML file at `path` if given."""
    config = Config()
    if path is None:
        return config
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read configuration {path}: {exc}") from exc
    return _override(config, data, "config")  # type: ignore[no-any-return]
