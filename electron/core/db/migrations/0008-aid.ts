import { REPLICATED_COLUMNS, type Migration } from './types';

/**
 * Station 6, humanitarian aid: the kinds of kit and service, stock as a ledger of movements
 * (lots received from donors, deliveries, adjustments, losses, transfers, voids), deliveries to
 * people, and belongings in custody.
 *
 * Balances are derived from the ledger by triggers into stock_lot_balances (local, rebuildable),
 * whose CHECK refuses a negative balance: whatever path a movement takes, the database itself
 * will not let a lot go below zero, and the balance always equals the sum of its movements.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'aid',
  up(db) {
    db.exec(`
      CREATE TABLE aid_types (
        ${REPLICATED_COLUMNS},
        code TEXT NOT NULL,
        name_es TEXT NOT NULL,
        name_en TEXT NOT NULL,
        unit_es TEXT NOT NULL,
        unit_en TEXT NOT NULL,
        uses_stock INTEGER NOT NULL CHECK (uses_stock IN (0, 1)),
        repeat_kind TEXT NOT NULL CHECK (repeat_kind IN ('per_arrival', 'hours')),
        repeat_hours INTEGER,
        low_stock INTEGER,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE INDEX aid_types_code ON aid_types (centre_id, code);

      CREATE TABLE stock_lots (
        ${REPLICATED_COLUMNS},
        type_id TEXT NOT NULL REFERENCES aid_types (id),
        lot_code TEXT NOT NULL,
        donor TEXT NOT NULL,
        expiry TEXT,                          -- yyyy-mm-dd; NULL = does not expire
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX stock_lots_type ON stock_lots (type_id, expiry);

      -- The ledger: append-only. quantity > 0 adds to the lot, < 0 takes from it.
      CREATE TABLE stock_movements (
        ${REPLICATED_COLUMNS},
        lot_id TEXT NOT NULL REFERENCES stock_lots (id),
        type_id TEXT NOT NULL REFERENCES aid_types (id),
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'delivery', 'adjustment', 'loss', 'transfer', 'void')),
        quantity INTEGER NOT NULL CHECK (quantity <> 0),
        delivery_id TEXT,
        reason TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX stock_movements_lot ON stock_movements (lot_id, recorded_at);
      CREATE INDEX stock_movements_type ON stock_movements (type_id, recorded_at);
      CREATE INDEX stock_movements_at ON stock_movements (recorded_at);
      CREATE INDEX stock_movements_delivery ON stock_movements (delivery_id) WHERE delivery_id IS NOT NULL;

      -- Balances derived from the ledger, kept by the trigger below (local: never replicated).
      CREATE TABLE stock_lot_balances (
        lot_id TEXT PRIMARY KEY NOT NULL,
        type_id TEXT NOT NULL,
        balance INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX stock_lot_balances_type ON stock_lot_balances (type_id);

      -- A movement written on this workstation may never take a lot below zero: the write is
      -- aborted, whatever path it came by. A movement another workstation already committed
      -- (replicated in) is a fact and is always applied; if both gave the last unit while
      -- apart, the lot shows the shortfall until a count corrects it.
      CREATE TRIGGER stock_movements_balance AFTER INSERT ON stock_movements
      BEGIN
        INSERT OR IGNORE INTO stock_lot_balances (lot_id, type_id, balance) VALUES (NEW.lot_id, NEW.type_id, 0);
        UPDATE stock_lot_balances SET balance = balance + NEW.quantity WHERE lot_id = NEW.lot_id;
        SELECT RAISE(ABORT, 'stock balance below zero')
        WHERE NEW.quantity < 0
          AND (SELECT balance FROM stock_lot_balances WHERE lot_id = NEW.lot_id) < 0
          AND NEW.origin = coalesce((SELECT value FROM local_meta WHERE key = 'workstation_id'), NEW.origin);
      END;
      -- The ledger is never edited: a correction is a new movement.
      CREATE TRIGGER stock_movements_no_update BEFORE UPDATE OF quantity, lot_id, type_id ON stock_movements
      BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;
      CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
      BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;

      CREATE TABLE aid_deliveries (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        person_arrival_id TEXT NOT NULL REFERENCES person_arrivals (id),
        type_id TEXT NOT NULL REFERENCES aid_types (id),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        batch_id TEXT,                        -- one id for a whole arrival or family served at once
        repeat_reason TEXT,
        delivered_by TEXT NOT NULL,
        delivered_at TEXT NOT NULL,
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT
      ) STRICT;
      CREATE INDEX aid_deliveries_arrival ON aid_deliveries (person_arrival_id, type_id);
      CREATE INDEX aid_deliveries_person ON aid_deliveries (person_id, type_id, delivered_at);

      CREATE TABLE belongings (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        person_arrival_id TEXT NOT NULL REFERENCES person_arrivals (id),
        description TEXT NOT NULL,
        tag_number TEXT NOT NULL,
        photo TEXT,                           -- data: URL (JPEG/PNG), optional
        received_by TEXT NOT NULL,
        received_at TEXT NOT NULL,
        returned_at TEXT,
        returned_by TEXT,
        return_note TEXT
      ) STRICT;
      CREATE INDEX belongings_held ON belongings (centre_id, returned_at);
      CREATE INDEX belongings_arrival ON belongings (person_arrival_id);
      CREATE UNIQUE INDEX belongings_tag_held ON belongings (centre_id, tag_number) WHERE returned_at IS NULL AND deleted_at IS NULL;
    `);
  },
};
