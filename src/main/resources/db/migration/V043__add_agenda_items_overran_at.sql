-- When the live hub announced that the active item ran past its planned end: set once, so the
-- agenda.item_overran event goes out once per item, across restarts and instances.
ALTER TABLE agenda_items ADD COLUMN overran_at DATETIME(6) NULL;

CREATE INDEX ix_agenda_items_status ON agenda_items (status, overran_at);
