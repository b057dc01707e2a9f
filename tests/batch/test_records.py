"""Batch maps JSON/Parquet records to documents the way ingest does (one mapping, not two)."""

from __future__ import annotations

from strikeledger.batch.work import ErrorRow, record_document
from strikeledger.document import Document
from strikeledger.errors import FieldMappingError


def test_a_mapped_nested_field_is_read() -> None:
    record = {"body": "Russia launched 40 drones overnight.", "meta": {"date": "2025-07-04"}}
    got = record_document(
        record,
        path="in.jsonl",
        item="in.jsonl@0",
        position="byte 0",
        fields={"text": "body", "published": "meta.date"},
    )
    assert isinstance(got, Document)
    assert got.text.startswith("Russia launched 40") and got.published == "2025-07-04"


def test_unmapped_records_fall_back_to_the_usual_names() -> None:
    got = record_document(
        {"content": "Ten drones were shot down."},
        path="in.jsonl",
        item="in.jsonl@0",
        position="byte 0",
        fields=None,
    )
    assert isinstance(got, Document) and got.text == "Ten drones were shot down."


def test_a_record_without_text_is_an_error_row_with_its_position() -> None:
    got = record_document(
        {"title": "no body"}, path="in.jsonl", item="in.jsonl@9", position="byte 9", fields=None
    )
    assert isinstance(got, ErrorRow)
    assert (got.item, got.position, got.code) == ("in.jsonl", "byte 9", FieldMappingError.code)
    assert "no text" in got.message


def test_a_json_line_that_is_not_an_object_is_an_error_row() -> None:
    got = record_document([1, 2], path="in.jsonl", item="in.jsonl@0", position="byte 0", fields={})
    assert isinstance(got, ErrorRow) and "not an object" in got.message
