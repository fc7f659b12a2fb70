-- Benchmark set-up on top of the demo data: the FW27 campaign grows to 200
-- styles (copies of demo styles), one of which, BENCH-6X8, comes in 6
-- colours × 8 sizes for the grid's keystroke measurement.

BEGIN;

CREATE TEMP TABLE copies AS
SELECT p.id AS source, gen_random_uuid() AS id, n,
       CASE WHEN n = 0 THEN 'BENCH-6X8' ELSE 'BENCH-' || lpad(n::text, 3, '0') END AS style_code
FROM (SELECT id, row_number() OVER (ORDER BY style_code) - 1 AS n FROM products
      WHERE style_code LIKE 'KN-%' OR style_code LIKE 'SH-%' OR style_code LIKE 'TE-%') p
WHERE n < 200 - (SELECT count(DISTINCT product_id) FROM campaign_styles s JOIN campaigns c ON c.id = s.campaign_id
                 WHERE c.code = 'FW27');

INSERT INTO products (id, style_code, slug, name, description, category_id, material, care, price_minor,
                      currency, season, lifecycle, weight_grams)
SELECT c.id, c.style_code, lower(c.style_code), p.name || ' (bench ' || c.n || ')', p.description, p.category_id,
       p.material, p.care, p.price_minor, p.currency, 'FW27', 'active', p.weight_grams
FROM copies c JOIN products p ON p.id = c.source;

-- The copies keep their source's colours and sizes, but BENCH-6X8.
INSERT INTO variants (product_id, sku, colour, colour_hex, size, position)
SELECT c.id, c.style_code || '-' || v.sku, v.colour, v.colour_hex, v.size, v.position
FROM copies c JOIN variants v ON v.product_id = c.source WHERE c.n > 0;
INSERT INTO variants (product_id, sku, colour, colour_hex, size, position)
SELECT c.id, 'BENCH-6X8-' || k.i || '-' || s.size, k.colour, k.hex, s.size, s.position
FROM copies c,
     (VALUES (1, 'Ecru', '#efe6d2'), (2, 'Navy', '#1f2a44'), (3, 'Black', '#1b1b1b'),
             (4, 'Forest', '#2f4a3a'), (5, 'Camel', '#b88a5a'), (6, 'Bordeaux', '#6b1f2a')) AS k(i, colour, hex),
     (VALUES ('XXS', 1), ('XS', 2), ('S', 3), ('M', 4), ('L', 5), ('XL', 6), ('XXL', 7), ('3XL', 8)) AS s(size, position)
WHERE c.n = 0;

INSERT INTO product_images (product_id, colour, asset_id, position, alt)
SELECT c.id, NULL, i.asset_id, i.position, i.alt
FROM copies c JOIN product_images i ON i.product_id = c.source;

INSERT INTO price_list_prices (price_list_id, product_id, wholesale_minor, retail_minor)
SELECT pp.price_list_id, c.id, pp.wholesale_minor, pp.retail_minor
FROM copies c JOIN price_list_prices pp ON pp.product_id = c.source AND pp.colour = '' AND pp.size = '';

INSERT INTO campaign_styles (campaign_id, product_id, colour, carry_over, target_units)
SELECT DISTINCT camp.id, v.product_id, v.colour, false, 60
FROM copies c JOIN variants v ON v.product_id = c.id, campaigns camp WHERE camp.code = 'FW27';

COMMIT;

SELECT count(DISTINCT product_id) AS "styles in FW27", count(*) AS "style colours"
FROM campaign_styles s JOIN campaigns c ON c.id = s.campaign_id WHERE c.code = 'FW27';
