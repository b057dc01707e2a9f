"""Typed errors with stable codes. Raised where the problem is found, turned into messages or
HTTP statuses only at the edges (CLI, API)."""

from __future__ import annotations


class StrikeledgerError(Exception):
    """Base of every error strikeledger raises on purpose."""

    code = "SL-E000"

    def __init__(self, message: str, *, item: str | None = None, position: str | None = None):
        self.message = message
        self.item = item
        self.position = position
        super().__init__(self.describe())

    def describe(self) -> str:
        where = ""
        if self.item:
            where = self.item + (f" ({self.position})" if self.position else "") + ": "
        return f"{self.code} {where}{self.message}"


class InputError(StrikeledgerError):
    """The input cannot be read as a document."""

    code = "SL-E100"


class EmptyInputError(InputError):
    code = "SL-E101"


class BinaryInputError(InputError):
    code = "SL-E102"


class TooLargeError(InputError):
    code = "SL-E103"


class TooManyLinesError(InputError):
    code = "SL-E104"


class EncodingError(InputError):
    code = "SL-E105"


class HeaderError(InputError):
    code = "SL-E106"


class LanguageDataError(StrikeledgerError):
    """A language data file does not match its schema."""

    code = "SL-E200"


class UnknownSectionError(StrikeledgerError):
    """``extract(…, sections=…)`` was asked for a section report-v1 does not have."""

    code = "SL-E210"


class GoldError(StrikeledgerError):
    """A gold folder or a reports file is malformed."""

    code = "SL-E300"


# Ingest (owner: ingest/ledger): codes SL-E107 … SL-E119.
class MalformedInputError(InputError):
    """Malformed HTML / XML / JSON / CSV: the message names the file and the position."""

    code = "SL-E107"


class UnsafeXmlError(InputError):
    """XML with entity declarations or external references, refused (no entity expansion)."""

    code = "SL-E108"


class TruncatedInputError(InputError):
    """An archive or export that ends before its last record does."""

    code = "SL-E109"


class UnsupportedSourceError(InputError):
    """A source whose format cannot be recognised, or a path that does not exist."""

    code = "SL-E110"


class FieldMappingError(InputError):
    """A JSON Lines / CSV record without the mapped text field, or a bad --field option."""

    code = "SL-E111"


class FeedFetchError(InputError):
    """A feed could not be fetched (network error or HTTP status)."""

    code = "SL-E112"


class ExtractionFailedError(InputError):
    """The extractor failed on one document (a bug): the document is skipped, the run goes on."""

    code = "SL-E113"


class StoreRejectedError(InputError):
    """The database refused one document of a batch (the others are written)."""

    code = "SL-E114"


class LedgerError(StrikeledgerError):
    """The ledger cannot be opened, migrated or written."""

    code = "SL-E400"


class LedgerConnectError(LedgerError):
    code = "SL-E401"


class LedgerSchemaError(LedgerError):
    code = "SL-E402"


# API / web (owner: serve): codes SL-E600 … SL-E619.
class ApiError(StrikeledgerError):
    """A request the API refuses; ``status`` is the HTTP status the edge answers with."""

    code = "SL-E600"
    status = 400


class QueryParameterError(ApiError):
    """A query parameter that is unknown, malformed or out of range (HTTP 400)."""

    code = "SL-E601"
    status = 400


class NotFoundError(ApiError):
    """An event, document or page that does not exist (HTTP 404)."""

    code = "SL-E602"
    status = 404


class LedgerUnavailableError(ApiError):
    """The ledger (or a part of it, such as events) is not there to serve (HTTP 503)."""

    code = "SL-E603"
    status = 503


class UnauthorizedError(ApiError):
    """A write without a bearer token (HTTP 401)."""

    code = "SL-E604"
    status = 401


class ForbiddenError(ApiError):
    """A write with a wrong token, or to a server with writes disabled (HTTP 403)."""

    code = "SL-E605"
    status = 403


class KnowledgeDataError(StrikeledgerError):
    """A knowledge-base data file (kb/data/*.yaml) does not validate."""

    code = "SL-E250"


class EventsError(StrikeledgerError):
    """Events (linking, reconciliation, checks) cannot be computed."""

    code = "SL-E500"


class BadReportError(EventsError):
    """A report given to the events package is not a usable report-v1 dict (names the report
    and the item)."""

    code = "SL-E501"


class NoSuchEventError(EventsError):
    code = "SL-E502"


# Hostile input (owner: hardening): codes SL-E120 … SL-E129.
class ExtractionTimeoutError(InputError):
    """Extraction of one document took longer than max_extract_seconds: it is skipped."""

    code = "SL-E120"


class JsonTooDeepError(MalformedInputError):
    """A JSON record nested deeper than max_json_depth (or than the parser can follow)."""

    code = "SL-E121"
