-- Storefront search and facets: a weighted full-text document per product,
-- kept current by triggers, and a normalised material for the material facet.
--
-- The text-search configuration is `english` everywhere (documents and
-- queries): "sweaters" finds "sweater". Typos are pg_trgm's job (the
-- trigram index on products.name from the catalog migration stays).

-- The material facet groups compositions into families by their main
-- component (before the first ',' or ';', after a label such as "Upper:"):
-- "100% extra-fine merino wool" and "56% baby alpaca, 34% merino wool" are
-- "Merino wool" and "Alpaca"; "Upper: calf leather; sole: rubber" is
-- "Leather". The keywords are those of the demo catalogue's compositions;
-- anything else shows its main component without the percentage. Done in
-- SQL (immutable) so it can be a generated column that is always current.
CREATE FUNCTION material_family(material text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE
        WHEN main = '' THEN ''
        WHEN main ~ 'cashmere' THEN 'Cashmere'
        WHEN main ~ 'merino' THEN 'Merino wool'
        WHEN main ~ 'alpaca' THEN 'Alpaca'
        WHEN main ~ 'mohair' THEN 'Mohair'
        WHEN main ~ 'wool' THEN 'Wool'
        WHEN main ~ 'suede' THEN 'Suede'
        WHEN main ~ 'leather|nappa|lambskin' THEN 'Leather'
        WHEN main ~ 'silk' THEN 'Silk'
        WHEN main ~ 'linen' THEN 'Linen'
        WHEN main ~ 'viscose' THEN 'Viscose'
        WHEN main ~ 'acetate' THEN 'Acetate'
        WHEN main ~ 'polyamide|nylon' THEN 'Nylon'
        WHEN main ~ 'cotton|denim|canvas' THEN 'Cotton'
        WHEN main ~ 'porcelain' THEN 'Porcelain'
        WHEN main ~ 'stoneware' THEN 'Stoneware'
        WHEN main ~ 'terracotta' THEN 'Terracotta'
        WHEN main ~ 'glass' THEN 'Glass'
        WHEN main ~ 'wax' THEN 'Wax'
        ELSE upper(left(bare, 1)) || substr(bare, 2)
    END
    FROM (SELECT main, btrim(regexp_replace(main, '^[0-9]+% *', '')) AS bare
          FROM (SELECT lower(btrim(split_part(split_part(
                    regexp_replace(material, '^[A-Za-z ]+: *', ''), ';', 1), ',', 1))) AS main) m) s
$$;

ALTER TABLE products
    ADD COLUMN material_family text GENERATED ALWAYS AS (material_family(material)) STORED,
    ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector;

-- The document: name (A) > category name (B) > description and material
-- (C) > colour names (D), so a name match ranks first.
CREATE FUNCTION products_search_vector() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english', NEW.name), 'A')
        || setweight(to_tsvector('english', coalesce(
               (SELECT c.name FROM categories c WHERE c.id = NEW.category_id), '')), 'B')
        || setweight(to_tsvector('english', NEW.description || ' ' || NEW.material), 'C')
        || setweight(to_tsvector('english', coalesce(
               (SELECT string_agg(DISTINCT v.colour, ' ') FROM variants v WHERE v.product_id = NEW.id), '')), 'D');
    RETURN NEW;
END
$$;

-- Other updates (price, lifecycle, updated_at) leave the document alone.
-- Setting search_vector (to DEFAULT) asks for a recomputation.
CREATE TRIGGER products_search_vector
    BEFORE INSERT OR UPDATE OF name, description, material, category_id, search_vector ON products
    FOR EACH ROW EXECUTE FUNCTION products_search_vector();

-- A renamed category: its products' documents follow.
CREATE FUNCTION categories_refresh_search() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE products SET search_vector = DEFAULT WHERE category_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER categories_refresh_search
    AFTER UPDATE OF name ON categories
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION categories_refresh_search();

-- A colour added to or removed from a product. Only the first SKU of a
-- colour refreshes the document on insert, so loading a product's SKUs one
-- by one does not rewrite the product once per size.
CREATE FUNCTION variants_refresh_search() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE products SET search_vector = DEFAULT WHERE id = OLD.product_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NOT EXISTS (
        SELECT 1 FROM variants v
        WHERE v.product_id = NEW.product_id AND v.colour = NEW.colour AND v.id <> NEW.id
    ) THEN
        UPDATE products SET search_vector = DEFAULT WHERE id = NEW.product_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER variants_refresh_search_insert
    AFTER INSERT ON variants
    FOR EACH ROW EXECUTE FUNCTION variants_refresh_search();
CREATE TRIGGER variants_refresh_search_change
    AFTER UPDATE OF colour, product_id ON variants
    FOR EACH ROW WHEN (OLD.colour IS DISTINCT FROM NEW.colour OR OLD.product_id IS DISTINCT FROM NEW.product_id)
    EXECUTE FUNCTION variants_refresh_search();
CREATE TRIGGER variants_refresh_search_delete
    AFTER DELETE ON variants
    FOR EACH ROW EXECUTE FUNCTION variants_refresh_search();

-- Backfill the products that exist already.
UPDATE products SET search_vector = DEFAULT;

CREATE INDEX products_search_idx ON products USING gin (search_vector);
-- "Popular": units ordered per SKU in the last 90 days.
CREATE INDEX order_lines_variant_idx ON order_lines (variant_id);
