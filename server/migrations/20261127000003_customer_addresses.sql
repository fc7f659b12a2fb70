-- A customer's address book: the checkout starts from the default one.
CREATE TABLE customer_addresses (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text NOT NULL,
    line1        text NOT NULL,
    postal_code  text NOT NULL,
    city         text NOT NULL,
    country      char(2) NOT NULL,
    is_default   boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_addresses_customer_idx ON customer_addresses (customer_id, created_at);
-- At most one default per customer.
CREATE UNIQUE INDEX customer_addresses_default_idx ON customer_addresses (customer_id) WHERE is_default;
