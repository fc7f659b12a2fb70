-- Inventory: locations, a balance per (SKU, location), and the ledger of movements behind it.

CREATE TABLE locations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code        text NOT NULL UNIQUE,
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('warehouse', 'store', 'external')),
    country     char(2) NOT NULL,
    city        text NOT NULL,
    address     text NOT NULL DEFAULT '',
    time_zone   text NOT NULL DEFAULT 'Europe/Rome',
    priority    integer NOT NULL DEFAULT 100,
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- available = on_hand - reserved; the constraint makes overselling impossible.
CREATE TABLE stock_balances (
    variant_id   uuid NOT NULL REFERENCES variants (id),
    location_id  uuid NOT NULL REFERENCES locations (id),
    on_hand      integer NOT NULL DEFAULT 0,
    reserved     integer NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (variant_id, location_id),
    CONSTRAINT stock_balances_sane
        CHECK (on_hand >= 0 AND reserved >= 0 AND reserved <= on_hand)
);
CREATE INDEX stock_balances_location_idx ON stock_balances (location_id);

-- Append-only: the sums of the deltas per (SKU, location) equal the balance.
CREATE TABLE stock_movements (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    variant_id      uuid NOT NULL,
    location_id     uuid NOT NULL,
    kind            text NOT NULL CHECK (kind IN (
                        'receipt', 'reservation', 'release', 'pick', 'shipment',
                        'adjustment', 'transfer_out', 'transfer_in', 'return_to_stock', 'write_off')),
    on_hand_delta   integer NOT NULL,
    reserved_delta  integer NOT NULL,
    reference       text,
    reason          text,
    actor_id        uuid REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (variant_id, location_id) REFERENCES stock_balances (variant_id, location_id)
);
CREATE INDEX stock_movements_balance_idx ON stock_movements (variant_id, location_id, created_at);
