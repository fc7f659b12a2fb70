-- Suppliers, and the first shape of orders (the order process extends it).

CREATE TABLE suppliers (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code            text NOT NULL UNIQUE,
    name            text NOT NULL,
    country         char(2) NOT NULL,
    city            text NOT NULL DEFAULT '',
    email           citext NOT NULL,
    speciality      text NOT NULL DEFAULT '',
    lead_time_days  integer NOT NULL CHECK (lead_time_days >= 0),
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number       text NOT NULL UNIQUE,
    channel      text NOT NULL CHECK (channel IN ('web', 'b2b', 'marketplace', 'store')),
    customer_id  uuid REFERENCES users (id),
    company_id   uuid REFERENCES companies (id),
    email        citext NOT NULL,
    status       text NOT NULL,
    currency     char(3) NOT NULL DEFAULT 'EUR',
    total_minor  bigint NOT NULL CHECK (total_minor >= 0),
    ship_to      jsonb NOT NULL,
    placed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_idx ON orders (customer_id, placed_at DESC);
CREATE INDEX orders_company_idx ON orders (company_id, placed_at DESC);

CREATE TABLE order_lines (
    order_id          uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no           integer NOT NULL,
    variant_id        uuid NOT NULL REFERENCES variants (id),
    sku               text NOT NULL,
    description       text NOT NULL,
    quantity          integer NOT NULL CHECK (quantity > 0),
    unit_price_minor  bigint NOT NULL CHECK (unit_price_minor >= 0),
    PRIMARY KEY (order_id, line_no)
);
