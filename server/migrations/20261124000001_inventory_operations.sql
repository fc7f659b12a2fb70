-- Inventory operations: location settings, bins, reservations, incoming
-- supply (purchase orders, transfers) and promises against it, reorder
-- points, counts, the warehouse side of fulfilment, API keys.

-- Locations: where they ship, when they work, which channels they serve.
ALTER TABLE locations
    ADD COLUMN postal_code   text NOT NULL DEFAULT '',
    ADD COLUMN working_days  smallint[] NOT NULL DEFAULT '{1,2,3,4,5}'
        CHECK (working_days <@ '{1,2,3,4,5,6,7}'::smallint[] AND cardinality(working_days) > 0),
    ADD COLUMN cutoff_time   time NOT NULL DEFAULT '15:00',
    ADD COLUMN handling_days integer NOT NULL DEFAULT 1 CHECK (handling_days BETWEEN 0 AND 60),
    ADD COLUMN channels      text[] NOT NULL DEFAULT '{web,b2b,marketplace,store}'
        CHECK (channels <@ '{web,b2b,marketplace,store}'::text[]),
    ADD COLUMN ships_to      text[] NOT NULL DEFAULT '{}',
    ADD COLUMN updated_at    timestamptz NOT NULL DEFAULT now();

-- Staff work at a location (the warehouse work queue shows theirs).
ALTER TABLE users ADD COLUMN location_id uuid REFERENCES locations (id);

-- Where a SKU is kept inside a location, for pick lists.
ALTER TABLE stock_balances ADD COLUMN bin text NOT NULL DEFAULT '';

CREATE TABLE purchase_orders (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number         text NOT NULL UNIQUE,
    supplier_id    uuid NOT NULL REFERENCES suppliers (id),
    location_id    uuid NOT NULL REFERENCES locations (id),
    status         text NOT NULL DEFAULT 'draft' CHECK (status IN (
                       'draft', 'sent', 'confirmed', 'partially_received', 'received', 'cancelled')),
    expected_date  date,
    created_by     uuid REFERENCES users (id),
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE purchase_order_lines (
    purchase_order_id  uuid NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
    line_no            integer NOT NULL,
    variant_id         uuid NOT NULL REFERENCES variants (id),
    quantity           integer NOT NULL CHECK (quantity > 0),
    received_quantity  integer NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
    unit_cost_minor    bigint NOT NULL DEFAULT 0 CHECK (unit_cost_minor >= 0),
    PRIMARY KEY (purchase_order_id, line_no)
);
CREATE INDEX purchase_order_lines_variant_idx ON purchase_order_lines (variant_id);

CREATE SEQUENCE transfer_number_seq START 1001;

CREATE TABLE transfers (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number            text NOT NULL UNIQUE,
    from_location_id  uuid NOT NULL REFERENCES locations (id),
    to_location_id    uuid NOT NULL REFERENCES locations (id),
    status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_transit', 'received', 'cancelled')),
    expected_arrival  date,
    note              text NOT NULL DEFAULT '',
    created_by        uuid REFERENCES users (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    shipped_at        timestamptz,
    received_at       timestamptz,
    CHECK (from_location_id <> to_location_id)
);

CREATE TABLE transfer_lines (
    transfer_id        uuid NOT NULL REFERENCES transfers (id) ON DELETE CASCADE,
    variant_id         uuid NOT NULL REFERENCES variants (id),
    quantity           integer NOT NULL CHECK (quantity > 0),
    received_quantity  integer CHECK (received_quantity >= 0),
    PRIMARY KEY (transfer_id, variant_id)
);
CREATE INDEX transfer_lines_variant_idx ON transfer_lines (variant_id);

-- Stock held for an order line at a location. While active, the balance's
-- `reserved` holds quantity - short_quantity for it (short: not found when
-- picking). A shipment, release or expiry closes it: state leaves 'active'
-- exactly once, so no step can count it twice.
CREATE TABLE reservations (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id           uuid NOT NULL,
    line_no            integer NOT NULL,
    variant_id         uuid NOT NULL,
    location_id        uuid NOT NULL,
    quantity           integer NOT NULL CHECK (quantity > 0),
    state              text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'shipped', 'released', 'expired')),
    shipped_quantity   integer NOT NULL DEFAULT 0 CHECK (shipped_quantity >= 0),
    short_quantity     integer NOT NULL DEFAULT 0 CHECK (short_quantity >= 0),
    expires_at         timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    closed_at          timestamptz,
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no),
    FOREIGN KEY (variant_id, location_id) REFERENCES stock_balances (variant_id, location_id),
    CHECK (shipped_quantity + short_quantity <= quantity)
);
-- One step of the order process cannot reserve the same line twice at a location.
CREATE UNIQUE INDEX reservations_one_active_idx ON reservations (order_id, line_no, location_id)
    WHERE state = 'active';
CREATE INDEX reservations_order_idx ON reservations (order_id);
CREATE INDEX reservations_expiry_idx ON reservations (expires_at)
    WHERE state = 'active' AND expires_at IS NOT NULL;

-- Order lines promised from incoming supply (not yet in stock) at a location.
CREATE TABLE supply_promises (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id      uuid NOT NULL,
    line_no       integer NOT NULL,
    variant_id    uuid NOT NULL REFERENCES variants (id),
    location_id   uuid NOT NULL REFERENCES locations (id),
    quantity      integer NOT NULL CHECK (quantity > 0),
    available_on  date NOT NULL,
    state         text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'fulfilled', 'released')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
);
CREATE INDEX supply_promises_open_idx ON supply_promises (variant_id, location_id) WHERE state = 'active';

ALTER TABLE stock_movements
    ADD COLUMN reference_kind text CHECK (reference_kind IN (
        'opening', 'order', 'fulfilment', 'purchase_order', 'transfer', 'count', 'receipt', 'api')),
    ADD COLUMN reservation_id uuid REFERENCES reservations (id);
UPDATE stock_movements SET reference_kind = 'opening' WHERE reference = 'OPENING-STOCK';
CREATE INDEX stock_movements_created_idx ON stock_movements (created_at DESC, id DESC);
CREATE INDEX stock_movements_location_idx ON stock_movements (location_id, created_at DESC);

CREATE TABLE reorder_points (
    variant_id        uuid NOT NULL REFERENCES variants (id),
    location_id       uuid NOT NULL REFERENCES locations (id),
    min_available     integer NOT NULL CHECK (min_available >= 0),
    reorder_quantity  integer NOT NULL CHECK (reorder_quantity > 0),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (variant_id, location_id)
);

-- Cycle counts: what was expected, what was counted, by whom.
CREATE TABLE stock_counts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    variant_id   uuid NOT NULL,
    location_id  uuid NOT NULL,
    expected     integer NOT NULL,
    counted      integer NOT NULL CHECK (counted >= 0),
    counted_by   uuid REFERENCES users (id),
    source       text NOT NULL DEFAULT 'staff' CHECK (source IN ('staff', 'api')),
    counted_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (variant_id, location_id) REFERENCES stock_balances (variant_id, location_id)
);

-- The warehouse side of an order: the part one location fulfils.
CREATE TABLE fulfilment_requests (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number        text NOT NULL UNIQUE,
    order_id      uuid NOT NULL REFERENCES orders (id),
    location_id   uuid NOT NULL REFERENCES locations (id),
    status        text NOT NULL DEFAULT 'submitted' CHECK (status IN (
                      'submitted', 'picking', 'packed', 'shipped', 'delivered', 'cancelled')),
    ship_to       jsonb NOT NULL,
    submitted_at  timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fulfilment_requests_queue_idx ON fulfilment_requests (location_id, status, submitted_at);
CREATE INDEX fulfilment_requests_order_idx ON fulfilment_requests (order_id);

CREATE TABLE fulfilment_lines (
    fulfilment_request_id  uuid NOT NULL REFERENCES fulfilment_requests (id),
    order_id               uuid NOT NULL,
    line_no                integer NOT NULL,
    variant_id             uuid NOT NULL REFERENCES variants (id),
    quantity               integer NOT NULL CHECK (quantity > 0),
    packed_quantity        integer CHECK (packed_quantity >= 0 AND packed_quantity <= quantity),
    reservation_id         uuid REFERENCES reservations (id),
    PRIMARY KEY (fulfilment_request_id, line_no),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
);

CREATE TABLE shipments (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    fulfilment_request_id  uuid NOT NULL UNIQUE REFERENCES fulfilment_requests (id),
    order_id               uuid NOT NULL REFERENCES orders (id),
    carrier                text NOT NULL,
    tracking_number        text NOT NULL DEFAULT '',
    parcels                integer NOT NULL CHECK (parcels BETWEEN 1 AND 99),
    shipped_by             uuid REFERENCES users (id),
    shipped_at             timestamptz NOT NULL DEFAULT now(),
    delivered_at           timestamptz,
    signed_by              text
);
CREATE INDEX shipments_order_idx ON shipments (order_id);

-- What happened to a fulfilment request, who did it, when.
CREATE TABLE fulfilment_events (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fulfilment_request_id  uuid NOT NULL REFERENCES fulfilment_requests (id),
    order_id               uuid NOT NULL,
    status                 text NOT NULL,
    note                   text NOT NULL DEFAULT '',
    actor_id               uuid REFERENCES users (id),
    at                     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fulfilment_events_request_idx ON fulfilment_events (fulfilment_request_id, at);

-- Keys for machine clients of /api/v1. Only a hash of the key is stored.
CREATE TABLE api_keys (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix        text NOT NULL UNIQUE,
    key_hash      bytea NOT NULL UNIQUE,
    scopes        text[] NOT NULL CHECK (scopes <@ '{stock:read,stock:write,orders:read,orders:write}'::text[]),
    location_id   uuid REFERENCES locations (id),
    created_by    uuid REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

-- Each API request with an Idempotency-Key: the first answer is kept and
-- replayed; the same key with another body is refused.
CREATE TABLE idempotency_keys (
    api_key_id    uuid NOT NULL REFERENCES api_keys (id),
    key           text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash  bytea NOT NULL,
    status        smallint,
    response      jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (api_key_id, key)
);
