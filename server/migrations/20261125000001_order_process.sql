-- The order process: sales channels and their policies, approval reasons,
-- the order's timeline, routing decisions, approvals, the plan of tasks the
-- workers execute, and the outbox of messages to the channels.

-- How each channel's orders are processed. Which locations serve a channel
-- is kept on the location (locations.channels).
CREATE TABLE sales_channels (
    code                     text PRIMARY KEY CHECK (code IN ('web', 'b2b', 'marketplace', 'store')),
    name                     text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    split_allowed            boolean NOT NULL DEFAULT true,
    max_parts                integer NOT NULL DEFAULT 3 CHECK (max_parts BETWEEN 1 AND 10),
    prefer_fewest_parts      boolean NOT NULL DEFAULT true,
    date_tolerance_days      integer NOT NULL DEFAULT 14 CHECK (date_tolerance_days BETWEEN 0 AND 365),
    auto_cancel_unroutable   boolean NOT NULL DEFAULT false,
    send_temporary_response  boolean NOT NULL DEFAULT true,
    documents                text[] NOT NULL DEFAULT '{delivery_note}'
        CHECK (documents <@ '{delivery_note,return_note,return_label}'::text[]),
    max_line_quantity        integer NOT NULL DEFAULT 100 CHECK (max_line_quantity BETWEEN 1 AND 100000),
    webhook_url              text NOT NULL DEFAULT '',
    webhook_secret           text NOT NULL DEFAULT '',
    updated_at               timestamptz NOT NULL DEFAULT now()
);

INSERT INTO sales_channels (code, name, split_allowed, max_parts, prefer_fewest_parts, date_tolerance_days,
                            auto_cancel_unroutable, documents, max_line_quantity) VALUES
    ('web', 'Web shop', true, 3, true, 10, false, '{delivery_note,return_note,return_label}', 20),
    ('b2b', 'B2B portal', true, 4, true, 120, false, '{delivery_note}', 10000),
    ('marketplace', 'Marketplaces', false, 1, true, 5, true, '{delivery_note,return_label}', 20),
    ('store', 'Stores', false, 1, true, 3, false, '{delivery_note}', 50);

-- Why an order may need approval: a condition (JSON, see orders::approval),
-- a rank (equal ranks in parallel, ranks in sequence) and who approves.
CREATE TABLE approval_reasons (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    channel        text NOT NULL REFERENCES sales_channels (code),
    code           text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    rank           integer NOT NULL DEFAULT 1 CHECK (rank BETWEEN 1 AND 9),
    condition      jsonb NOT NULL DEFAULT '{"kind": "always"}',
    approver       text NOT NULL DEFAULT 'staff' CHECK (approver IN ('staff', 'external')),
    reroute_after  boolean NOT NULL DEFAULT false,
    active         boolean NOT NULL DEFAULT true,
    UNIQUE (channel, code)
);

-- A machine client may place orders for one channel.
ALTER TABLE api_keys ADD COLUMN channel text REFERENCES sales_channels (code);

CREATE SEQUENCE order_number_seq START 300001;

ALTER TABLE orders
    ADD COLUMN capture_key         text,
    ADD COLUMN external_reference  text NOT NULL DEFAULT '',
    ADD COLUMN payment_method      text NOT NULL DEFAULT 'card'
        CHECK (payment_method IN ('card', 'invoice', 'marketplace', 'in_store')),
    ADD COLUMN on_hold             boolean NOT NULL DEFAULT false,
    ADD COLUMN hold_reason         text NOT NULL DEFAULT '',
    ADD COLUMN validation_errors   jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN risk_score          integer,
    ADD COLUMN risk_cleared_by     uuid REFERENCES users (id),
    ADD COLUMN api_key_id          uuid REFERENCES api_keys (id),
    ADD COLUMN updated_at          timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT orders_status_known CHECK (status IN (
        'captured', 'invalid', 'validated', 'check_announced', 'not_announced', 'routed',
        'awaiting_approval', 'approved', 'declined', 'submitted', 'partially_shipped',
        'shipped', 'completed', 'cancelled'));
-- One capture per channel and key: a retried checkout finds its order.
CREATE UNIQUE INDEX orders_capture_key_idx ON orders (channel, capture_key) WHERE capture_key IS NOT NULL;
CREATE INDEX orders_status_idx ON orders (status, placed_at DESC);
CREATE INDEX orders_placed_idx ON orders (placed_at DESC);
-- Risk and approval look for a customer's earlier orders by email too.
CREATE INDEX orders_email_idx ON orders (email);

ALTER TABLE order_lines
    ADD COLUMN cancelled_quantity  integer NOT NULL DEFAULT 0 CHECK (cancelled_quantity >= 0),
    ADD COLUMN planned_ship_date   date,
    ADD CONSTRAINT order_lines_cancel_within CHECK (cancelled_quantity <= quantity);

-- Every state change of an order: who, when, what, why.
CREATE TABLE order_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     uuid NOT NULL REFERENCES orders (id),
    at           timestamptz NOT NULL DEFAULT now(),
    actor_kind   text NOT NULL CHECK (actor_kind IN ('staff', 'customer', 'api', 'system')),
    actor_id     uuid REFERENCES users (id),
    kind         text NOT NULL,
    from_status  text,
    to_status    text,
    message      text NOT NULL DEFAULT '',
    data         jsonb
);
CREATE INDEX order_events_order_idx ON order_events (order_id, id);

-- Each routing run: the outcome and why each location was chosen or not.
CREATE TABLE routing_decisions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    uuid NOT NULL REFERENCES orders (id),
    decided_at  timestamptz NOT NULL DEFAULT now(),
    outcome     text NOT NULL CHECK (outcome IN ('routed', 'check_announced', 'not_announced', 'manual')),
    decision    jsonb NOT NULL
);
CREATE INDEX routing_decisions_order_idx ON routing_decisions (order_id, id DESC);

-- The approvals an order needs, per round (routing again starts a new round).
CREATE TABLE order_approvals (
    order_id     uuid NOT NULL REFERENCES orders (id),
    round        integer NOT NULL DEFAULT 1,
    reason_code  text NOT NULL,
    reason_name  text NOT NULL,
    rank         integer NOT NULL,
    approver     text NOT NULL CHECK (approver IN ('staff', 'external')),
    reroute_after boolean NOT NULL DEFAULT false,
    decision     text NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'declined')),
    decided_by   uuid REFERENCES users (id),
    decided_via  text CHECK (decided_via IN ('staff', 'api')),
    decided_at   timestamptz,
    comment      text NOT NULL DEFAULT '',
    PRIMARY KEY (order_id, round, reason_code)
);
CREATE INDEX order_approvals_pending_idx ON order_approvals (order_id) WHERE decision = 'pending';

-- The plan: tasks with dependencies, executed by workers from the database.
-- A worker claims a ready task with FOR UPDATE SKIP LOCKED and does the
-- step, marks it done and readies its dependants in that one transaction:
-- a crash rolls all of it back, so a step never counts twice.
CREATE TABLE order_tasks (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id               uuid NOT NULL REFERENCES orders (id),
    fulfilment_request_id  uuid REFERENCES fulfilment_requests (id),
    kind                   text NOT NULL CHECK (kind IN (
        'validate', 'score', 'route', 'approve', 'respond', 'documents', 'submit',
        'ship', 'capture', 'invoice', 'notify', 'complete')),
    -- blocked: dependencies not done; ready: a worker may run it; waiting:
    -- for a person or an outside event; failed: stopped with an error.
    -- Its place in the plan it came from (plans are small graphs).
    step_no                integer NOT NULL,
    -- Done by an outside event (the warehouse ships), never by a worker.
    waits_for_event        boolean NOT NULL DEFAULT false,
    state                  text NOT NULL CHECK (state IN ('blocked', 'ready', 'waiting', 'done', 'failed', 'cancelled')),
    pending_deps           integer NOT NULL DEFAULT 0 CHECK (pending_deps >= 0),
    run_at                 timestamptz NOT NULL DEFAULT now(),
    attempts               integer NOT NULL DEFAULT 0,
    last_error             text,
    waiting_for            text NOT NULL DEFAULT '',
    done_at                timestamptz,
    done_by                text,
    created_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_tasks_ready_idx ON order_tasks (run_at) WHERE state = 'ready';
CREATE INDEX order_tasks_order_idx ON order_tasks (order_id, id);
CREATE INDEX order_tasks_attention_idx ON order_tasks (state) WHERE state IN ('waiting', 'failed');

CREATE TABLE order_task_deps (
    task_id     bigint NOT NULL REFERENCES order_tasks (id),
    depends_on  bigint NOT NULL REFERENCES order_tasks (id),
    PRIMARY KEY (depends_on, task_id)
);

-- Messages to channels (webhooks), written in the transaction that caused
-- them and delivered afterwards with retries and an HMAC signature.
CREATE TABLE outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id         uuid REFERENCES orders (id),
    -- To a channel's webhook, or to an external location's.
    channel          text REFERENCES sales_channels (code),
    location_id      uuid REFERENCES locations (id),
    event            text NOT NULL,
    payload          jsonb NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    last_status      integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((channel IS NULL) <> (location_id IS NULL))
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
CREATE INDEX outbox_order_idx ON outbox (order_id);

-- Routing creates the fulfilment requests as 'planned'; submission hands
-- them to their location.
ALTER TABLE fulfilment_requests DROP CONSTRAINT fulfilment_requests_status_check;
ALTER TABLE fulfilment_requests ADD CONSTRAINT fulfilment_requests_status_check CHECK (status IN (
    'planned', 'submitted', 'picking', 'packed', 'shipped', 'delivered', 'cancelled'));
ALTER TABLE fulfilment_requests ADD COLUMN planned_ship_date date;

-- External locations (drop-ship suppliers, 3PL) receive their requests here.
ALTER TABLE locations
    ADD COLUMN webhook_url text NOT NULL DEFAULT '',
    ADD COLUMN webhook_secret text NOT NULL DEFAULT '';

-- The documents of a fulfilment request (rendered when printed).
CREATE TABLE fulfilment_documents (
    fulfilment_request_id  uuid NOT NULL REFERENCES fulfilment_requests (id),
    kind                   text NOT NULL CHECK (kind IN ('delivery_note', 'return_note', 'return_label')),
    reference              text NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (fulfilment_request_id, kind)
);
