-- Accounts: retailer companies, people with one role each, sessions, sign-in attempts.

CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE companies (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    legal_name  text NOT NULL,
    vat_number  text NOT NULL UNIQUE,
    country     char(2) NOT NULL,
    city        text NOT NULL DEFAULT '',
    currency    char(3) NOT NULL DEFAULT 'EUR',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email            citext NOT NULL,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    password_hash    text NOT NULL,
    role             text NOT NULL CHECK (role IN (
                         'consumer', 'buyer', 'company_admin',
                         'admin', 'merchandiser', 'content', 'pricing',
                         'warehouse', 'customer_service', 'finance')),
    company_id       uuid REFERENCES companies (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at  timestamptz,
    CONSTRAINT users_email_key UNIQUE (email),
    -- Retailer buyers, and only they, belong to a company.
    CONSTRAINT users_company_matches_role
        CHECK ((role IN ('buyer', 'company_admin')) = (company_id IS NOT NULL))
);
CREATE INDEX users_company_idx ON users (company_id) WHERE company_id IS NOT NULL;
CREATE INDEX users_role_idx ON users (role);

-- Every sign-in attempt, for throttling password guessing.
CREATE TABLE login_attempts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         citext NOT NULL,
    client_ip     inet,
    succeeded     boolean NOT NULL,
    attempted_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at DESC);
CREATE INDEX login_attempts_ip_idx ON login_attempts (client_ip, attempted_at DESC)
    WHERE client_ip IS NOT NULL;

-- Browser sessions (the layout the session store expects).
CREATE TABLE sessions (
    id           text PRIMARY KEY,
    data         bytea NOT NULL,
    expiry_date  timestamptz NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry_date);

-- Facts about this installation, e.g. which demo data version is loaded.
CREATE TABLE system_settings (
    key         text PRIMARY KEY,
    value       jsonb NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
