-- Catalog: assets (pictures), categories, products (styles), variants (SKUs), translations.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Binary assets such as product pictures. Immutable: a new picture is a new row.
CREATE TABLE assets (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    content_type  text NOT NULL,
    bytes         bytea NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE categories (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug            text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name            text NOT NULL,
    description     text NOT NULL DEFAULT '',
    position        integer NOT NULL DEFAULT 0,
    image_asset_id  uuid REFERENCES assets (id)
);

CREATE TABLE category_translations (
    category_id  uuid NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    locale       text NOT NULL CHECK (locale ~ '^[a-z]{2}$'),
    name         text NOT NULL,
    description  text NOT NULL DEFAULT '',
    PRIMARY KEY (category_id, locale)
);

CREATE TABLE products (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    style_code    text NOT NULL UNIQUE,
    slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name          text NOT NULL,
    description   text NOT NULL DEFAULT '',
    category_id   uuid NOT NULL REFERENCES categories (id),
    material      text NOT NULL DEFAULT '',
    care          text NOT NULL DEFAULT '',
    price_minor   bigint NOT NULL CHECK (price_minor >= 0),
    currency      char(3) NOT NULL DEFAULT 'EUR',
    season        text NOT NULL,
    lifecycle     text NOT NULL DEFAULT 'active' CHECK (lifecycle IN (
                      'concept', 'sampling', 'approved', 'in_production', 'active', 'discontinued')),
    featured      boolean NOT NULL DEFAULT false,
    weight_grams  integer NOT NULL DEFAULT 0 CHECK (weight_grams >= 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_category_idx ON products (category_id, created_at DESC);
CREATE INDEX products_featured_idx ON products (created_at DESC) WHERE featured;
CREATE INDEX products_name_trgm_idx ON products USING gin (name gin_trgm_ops);

CREATE TABLE product_translations (
    product_id   uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    locale       text NOT NULL CHECK (locale ~ '^[a-z]{2}$'),
    name         text NOT NULL,
    description  text NOT NULL DEFAULT '',
    PRIMARY KEY (product_id, locale)
);

-- A sellable SKU: one colour in one size of a product.
CREATE TABLE variants (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id  uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    sku         text NOT NULL UNIQUE,
    ean         text UNIQUE CHECK (ean ~ '^[0-9]{13}$'),
    colour      text NOT NULL,
    colour_hex  text NOT NULL CHECK (colour_hex ~ '^#[0-9a-f]{6}$'),
    size        text NOT NULL,
    position    integer NOT NULL DEFAULT 0,
    UNIQUE (product_id, colour, size)
);
CREATE INDEX variants_product_idx ON variants (product_id, position);

-- Pictures of a product, per colour (NULL colour: shows every colour).
CREATE TABLE product_images (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id  uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    colour      text,
    asset_id    uuid NOT NULL REFERENCES assets (id),
    position    integer NOT NULL DEFAULT 0,
    alt         text NOT NULL DEFAULT ''
);
CREATE INDEX product_images_product_idx ON product_images (product_id, position);
