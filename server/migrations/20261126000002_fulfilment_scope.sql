-- External locations (drop-ship suppliers, 3PLs) report the progress of the
-- fulfilment requests they were sent (shipped, delivered) through the API:
-- a scope of its own, so a key that reports counts cannot also ship orders.
ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check
    CHECK (scopes <@ '{stock:read,stock:write,orders:read,orders:write,fulfilment:write}'::text[]);
