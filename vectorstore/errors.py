"""The project's errors: one base class, a few named kinds the CLI and UI turn into plain words."""


class TryggError(Exception):
    """Base class of every error this project raises on purpose."""


class ConfigError(TryggError):
    """A setting is missing, malformed or names something that cannot be loaded."""


class IngestError(TryggError):
    """A file cannot be read into a document (empty, binary, too large, unsupported...)."""


class StoreError(TryggError):
    """The vector store or the lexical index cannot be reached or is inconsistent."""


class QuestionError(TryggError):
    """A question that cannot be answered as asked (empty, too long)."""


class BackendMissingError(ConfigError):
    """An optional backend was configured but its package is not installed."""
