-- Wholesale (B2B pre-sales): price lists, what companies need to buy on
-- terms, seasonal campaigns, and the pre-orders retailers place in them.
-- Every company-side table carries its company id.

-- A price list: wholesale and suggested retail prices in one currency.
CREATE TABLE price_lists (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,29}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    currency    char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One price of a style: for every colour and size (colour = '' and size = ''),
-- for one colour (size = ''), or for one SKU. The most specific one wins.
CREATE TABLE price_list_prices (
    price_list_id    uuid NOT NULL REFERENCES price_lists (id) ON DELETE CASCADE,
    product_id       uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    colour           text NOT NULL DEFAULT '',
    size             text NOT NULL DEFAULT '',
    wholesale_minor  bigint NOT NULL CHECK (wholesale_minor > 0),
    retail_minor     bigint NOT NULL CHECK (retail_minor >= wholesale_minor),
    PRIMARY KEY (price_list_id, product_id, colour, size),
    CHECK (colour <> '' OR size = '')
);

ALTER TABLE companies
    ADD COLUMN billing_address     jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN payment_terms       text NOT NULL DEFAULT 'net_30'
        CHECK (payment_terms IN ('prepaid', 'net_30', 'net_60', 'net_90')),
    -- NULL: no limit set.
    ADD COLUMN credit_limit_minor  bigint CHECK (credit_limit_minor >= 0),
    ADD COLUMN price_list_id       uuid REFERENCES price_lists (id),
    ADD COLUMN sales_rep_id        uuid REFERENCES users (id);

-- The shops a company has goods delivered to.
CREATE TABLE company_stores (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id  uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    address     jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (company_id, name)
);

-- Colleagues a company admin invited, until they set their password.
CREATE TABLE company_invitations (
    token       text PRIMARY KEY,
    company_id  uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    email       citext NOT NULL,
    name        text NOT NULL,
    role        text NOT NULL CHECK (role IN ('buyer', 'company_admin')),
    invited_by  uuid NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    accepted_at timestamptz
);
CREATE INDEX company_invitations_company_idx ON company_invitations (company_id, created_at DESC);

CREATE TABLE campaigns (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code                   text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,19}$'),
    name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    season                 text NOT NULL CHECK (length(season) BETWEEN 1 AND 20),
    opens_on               date NOT NULL,
    closes_on              date NOT NULL CHECK (closes_on >= opens_on),
    state                  text NOT NULL DEFAULT 'draft'
        CHECK (state IN ('draft', 'open', 'closed', 'confirmed')),
    -- Minimums: units of each style ordered, and the value of a company's pre-order
    -- (in the company's price list currency).
    min_units_per_style    integer NOT NULL DEFAULT 0 CHECK (min_units_per_style >= 0),
    min_order_minor        bigint NOT NULL DEFAULT 0 CHECK (min_order_minor >= 0),
    created_at             timestamptz NOT NULL DEFAULT now()
);

-- When goods of a campaign leave our warehouses.
CREATE TABLE campaign_windows (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    campaign_id  uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    ships_from   date NOT NULL,
    ships_until  date NOT NULL CHECK (ships_until >= ships_from),
    UNIQUE (campaign_id, name)
);

-- The styles and colours a campaign offers, with the sales target in units.
CREATE TABLE campaign_styles (
    campaign_id   uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    product_id    uuid NOT NULL REFERENCES products (id),
    colour        text NOT NULL,
    carry_over    boolean NOT NULL DEFAULT false,
    target_units  integer NOT NULL DEFAULT 0 CHECK (target_units >= 0),
    PRIMARY KEY (campaign_id, product_id, colour)
);

CREATE TABLE campaign_invitations (
    campaign_id  uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    company_id   uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, company_id)
);
CREATE INDEX campaign_invitations_company_idx ON campaign_invitations (company_id);

-- A company's pre-order in a campaign: one per company and campaign, a draft
-- until submitted; `version` rises with every save (optimistic locking).
CREATE TABLE pre_orders (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number        text NOT NULL UNIQUE,
    campaign_id   uuid NOT NULL REFERENCES campaigns (id),
    company_id    uuid NOT NULL REFERENCES companies (id),
    state         text NOT NULL DEFAULT 'draft'
        CHECK (state IN ('draft', 'submitted', 'withdrawn', 'confirmed')),
    version       integer NOT NULL DEFAULT 1,
    submitted_at  timestamptz,
    confirmed_at  timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (campaign_id, company_id)
);
CREATE INDEX pre_orders_company_idx ON pre_orders (company_id, updated_at DESC);
CREATE SEQUENCE pre_order_numbers START 1001;

-- Per style: the store it ships to and its delivery window.
CREATE TABLE pre_order_styles (
    pre_order_id  uuid NOT NULL REFERENCES pre_orders (id) ON DELETE CASCADE,
    company_id    uuid NOT NULL REFERENCES companies (id),
    product_id    uuid NOT NULL REFERENCES products (id),
    store_id      uuid NOT NULL REFERENCES company_stores (id),
    window_id     uuid NOT NULL REFERENCES campaign_windows (id),
    PRIMARY KEY (pre_order_id, product_id)
);

-- Quantities per SKU, priced from the company's price list when saved.
CREATE TABLE pre_order_lines (
    pre_order_id      uuid NOT NULL REFERENCES pre_orders (id) ON DELETE CASCADE,
    company_id        uuid NOT NULL REFERENCES companies (id),
    product_id        uuid NOT NULL,
    variant_id        uuid NOT NULL REFERENCES variants (id),
    quantity          integer NOT NULL CHECK (quantity > 0 AND quantity <= 100000),
    unit_price_minor  bigint NOT NULL CHECK (unit_price_minor >= 0),
    PRIMARY KEY (pre_order_id, variant_id),
    FOREIGN KEY (pre_order_id, product_id) REFERENCES pre_order_styles (pre_order_id, product_id)
        ON DELETE CASCADE
);

-- What happened to a pre-order, and who did it; `on_behalf` marks staff
-- acting for the company.
CREATE TABLE pre_order_events (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pre_order_id  uuid NOT NULL REFERENCES pre_orders (id) ON DELETE CASCADE,
    company_id    uuid NOT NULL REFERENCES companies (id),
    kind          text NOT NULL,
    detail        text NOT NULL DEFAULT '',
    actor_id      uuid REFERENCES users (id),
    on_behalf     boolean NOT NULL DEFAULT false,
    at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pre_order_events_idx ON pre_order_events (pre_order_id, at);

-- The orders a confirmed pre-order became: one per store and delivery window.
CREATE TABLE pre_order_orders (
    pre_order_id  uuid NOT NULL REFERENCES pre_orders (id),
    store_id      uuid NOT NULL REFERENCES company_stores (id),
    window_id     uuid NOT NULL REFERENCES campaign_windows (id),
    order_id      uuid NOT NULL REFERENCES orders (id),
    PRIMARY KEY (pre_order_id, store_id, window_id)
);

-- Orders that must not ship before a date (a delivery window's start).
ALTER TABLE orders ADD COLUMN ship_not_before date;

-- Wholesale orders over the company's open credit need approval.
INSERT INTO approval_reasons (channel, code, name, condition, rank, approver)
SELECT 'b2b', 'credit_limit', 'Over the credit limit', '{"kind":"over_credit_limit"}', 1, 'staff'
WHERE EXISTS (SELECT 1 FROM sales_channels WHERE code = 'b2b')
ON CONFLICT DO NOTHING;
