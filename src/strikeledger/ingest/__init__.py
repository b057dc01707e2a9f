"""Ingest: readers that turn sources (files, feeds, exports, archives) into Documents."""
