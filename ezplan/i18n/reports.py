"""Words of the exports and reports (CSV, XLSX, HTML, DOCX, charts), in Chinese and English."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {}
