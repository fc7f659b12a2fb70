-- Payments (one per order, through a payment provider) and returns (RMA),
-- including the "cancel" kind that records a cancellation.

-- An order's payment: authorized at capture, captured per shipment, the
-- rest voided when the order ends, refunded per return. The amounts only
-- grow; the status is derived from them (payments::model).
CREATE TABLE payments (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id            uuid NOT NULL UNIQUE REFERENCES orders (id),
    provider            text NOT NULL CHECK (provider IN ('test_card', 'invoice', 'marketplace', 'in_store', 'external')),
    provider_reference  text NOT NULL DEFAULT '',
    currency            char(3) NOT NULL,
    status              text NOT NULL CHECK (status IN (
        'authorized', 'partially_captured', 'captured', 'voided', 'partially_refunded', 'refunded')),
    authorized_minor    bigint NOT NULL CHECK (authorized_minor >= 0),
    captured_minor      bigint NOT NULL DEFAULT 0 CHECK (captured_minor >= 0),
    voided_minor        bigint NOT NULL DEFAULT 0 CHECK (voided_minor >= 0),
    refunded_minor      bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (captured_minor + voided_minor <= authorized_minor),
    CHECK (refunded_minor <= captured_minor)
);

-- Each call to the provider. `reference` names what it was for (a
-- fulfilment request, a return, a cancellation): the unique key makes a
-- repeated step find its earlier transaction instead of charging twice.
CREATE TABLE payment_transactions (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id          uuid NOT NULL REFERENCES payments (id),
    kind                text NOT NULL CHECK (kind IN ('authorize', 'capture', 'void', 'refund')),
    reference           text NOT NULL,
    amount_minor        bigint NOT NULL CHECK (amount_minor >= 0),
    provider_reference  text NOT NULL DEFAULT '',
    at                  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (payment_id, kind, reference)
);

CREATE SEQUENCE return_number_seq START 500001;

-- A return (RMA) or a cancellation, with its lines.
CREATE TABLE returns (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number        text NOT NULL UNIQUE,
    order_id      uuid NOT NULL REFERENCES orders (id),
    kind          text NOT NULL CHECK (kind IN ('cancel', 'return')),
    status        text NOT NULL CHECK (status IN (
        'requested', 'approved', 'received', 'inspected', 'refunded', 'rejected', 'closed')),
    reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    -- Where the goods come back to (returns only).
    location_id   uuid REFERENCES locations (id),
    refund_minor  bigint NOT NULL DEFAULT 0 CHECK (refund_minor >= 0),
    created_by    uuid REFERENCES users (id),
    created_via   text NOT NULL CHECK (created_via IN ('staff', 'customer', 'api', 'system')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX returns_order_idx ON returns (order_id, created_at);
CREATE INDEX returns_open_idx ON returns (status) WHERE status IN ('requested', 'approved', 'received', 'inspected');

CREATE TABLE return_lines (
    return_id     uuid NOT NULL REFERENCES returns (id),
    order_id      uuid NOT NULL,
    line_no       integer NOT NULL,
    quantity      integer NOT NULL CHECK (quantity > 0),
    reason        text NOT NULL DEFAULT '',
    -- Set at inspection: back into stock, or written off.
    disposition   text CHECK (disposition IN ('restock', 'write_off')),
    PRIMARY KEY (return_id, line_no),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
);
CREATE INDEX return_lines_line_idx ON return_lines (order_id, line_no);

-- Goods coming back from a customer are a movement of their own kind.
ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_reference_kind_check;
ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_reference_kind_check CHECK (reference_kind IN (
    'opening', 'order', 'fulfilment', 'purchase_order', 'transfer', 'count', 'receipt', 'api', 'return'));

-- Orders taken before payments were recorded: paid outside (cards through
-- the channel) or by their method, all still to capture.
INSERT INTO payments (order_id, provider, currency, status, authorized_minor)
SELECT o.id,
       CASE o.payment_method WHEN 'card' THEN 'external' ELSE o.payment_method END,
       o.currency, 'authorized', o.total_minor
FROM orders o;

-- Per order line: the units that left a location and the units coming back
-- in returns that were not rejected (what may still be returned is the
-- difference).
CREATE VIEW order_line_returns AS
SELECT l.order_id, l.line_no,
       coalesce((SELECT sum(coalesce(fl.packed_quantity, fl.quantity))
                 FROM fulfilment_lines fl JOIN fulfilment_requests fr ON fr.id = fl.fulfilment_request_id
                 WHERE fl.order_id = l.order_id AND fl.line_no = l.line_no
                   AND fr.status IN ('shipped', 'delivered')), 0)::int AS shipped_quantity,
       coalesce((SELECT sum(rl.quantity)
                 FROM return_lines rl JOIN returns r ON r.id = rl.return_id
                 WHERE rl.order_id = l.order_id AND rl.line_no = l.line_no
                   AND r.kind = 'return' AND r.status <> 'rejected'), 0)::int AS returned_quantity
FROM order_lines l;
