"""Regenerate cxaudit/schema/results.schema.json from the results model (tests fail when it is stale)."""

import json

from cxaudit.results.model import SCHEMA_FILE, json_schema

SCHEMA_FILE.parent.mkdir(exist_ok=True)
SCHEMA_FILE.write_text(json.dumps(json_schema(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(SCHEMA_FILE)
