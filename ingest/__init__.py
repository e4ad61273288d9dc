"""Ingest: load, clean and chunk documents, then fill the store."""
