"""Prints the recorder's events and states as JSON rows, read-only, for the PIN scan."""
import json
import sqlite3
import sys

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = []
for event_type, data in db.execute(
    "select t.event_type, d.shared_data from events e "
    "left join event_types t on e.event_type_id = t.event_type_id "
    "left join event_data d on e.data_id = d.data_id"
):
    rows.append({"table": "events", "kind": event_type or "", "text": data or ""})
for entity_id, state, attrs in db.execute(
    "select m.entity_id, s.state, a.shared_attrs from states s "
    "left join states_meta m on s.metadata_id = m.metadata_id "
    "left join state_attributes a on s.attributes_id = a.attributes_id"
):
    rows.append({"table": "states", "kind": entity_id or "", "text": f"{state or ''} {attrs or ''}"})
print(json.dumps(rows))
