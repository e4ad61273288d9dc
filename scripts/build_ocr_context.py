"""Rebuild the reference table for real-word OCR repair (ingest/ocr_context_sv.json).

    python scripts/build_ocr_context.py

Counts the words and near neighbours of the bundled documents that show no OCR damage
(after cleaning), which `ingest.ocr_context` uses to decide "saker"/"säker" and the like in a
damaged document. Run it after changing the corpus or the cleaning;
tests/test_ocr_context.py fails until you do. The shipped vectors depend on the repaired
text, so run scripts/ship_vectors.py afterwards.
"""

from __future__ import annotations

import json
import logging

from assistant.settings import BUNDLED_CORPUS
from ingest.clean import clean
from ingest.ocr_context import TABLE_PATH, reference_table

log = logging.getLogger("build_ocr_context")


def main() -> int:
    """Count the undamaged bundled documents and write the table."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    paths = sorted(BUNDLED_CORPUS.glob("*.txt"))
    texts = {path.name: clean(path.read_text(encoding="utf-8"), ocr="off").text for path in paths}
    table = reference_table(texts)
    TABLE_PATH.write_text(json.dumps(table.to_json(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    log.info("%d words, %d pairs -> %s", table.total, len(table.pairs), TABLE_PATH)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
