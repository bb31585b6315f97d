"""Ingest: readers, the NLP pipeline, extraction and resolution (text -> typed facts)."""
