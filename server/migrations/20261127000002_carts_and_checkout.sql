-- The storefront's carts, the checkout's shipping choice on the order, and
-- the messages to customers (an outbox a mail sender would drain; until one
-- is configured, staff read them on the order page).

-- A guest's cart is found by the random token in its cookie, a customer's
-- by the customer: exactly one of the two.
CREATE TABLE carts (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    token        uuid UNIQUE,
    customer_id  uuid UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((token IS NULL) <> (customer_id IS NULL))
);
CREATE INDEX carts_guest_age_idx ON carts (updated_at) WHERE token IS NOT NULL;

-- Only what the customer chose: prices and availability are read fresh
-- every time the cart is shown or ordered.
CREATE TABLE cart_lines (
    cart_id     uuid NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    variant_id  uuid NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    quantity    integer NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cart_id, variant_id)
);

ALTER TABLE orders
    ADD COLUMN shipping_method text CHECK (shipping_method IN ('standard', 'express', 'collect')),
    ADD COLUMN shipping_minor bigint NOT NULL DEFAULT 0 CHECK (shipping_minor >= 0),
    -- Click-and-collect: routing considers only this store.
    ADD COLUMN collect_location_id uuid REFERENCES locations (id);

CREATE TABLE customer_messages (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    uuid REFERENCES orders (id),
    to_email    citext NOT NULL,
    kind        text NOT NULL,
    subject     text NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- NULL until a mail sender has taken it.
    sent_at     timestamptz
);
CREATE INDEX customer_messages_order_idx ON customer_messages (order_id);
CREATE INDEX customer_messages_unsent_idx ON customer_messages (created_at) WHERE sent_at IS NULL;
