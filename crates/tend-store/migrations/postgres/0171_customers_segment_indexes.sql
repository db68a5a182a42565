-- Indexes for segment membership over many customers: by country and birth year (the common
-- "customers of X aged …" segment), and by birth year alone (age-only segments). Purchases and
-- complaints are narrowed by their existing (customer_id, instant) and instant indexes.
CREATE INDEX customers_country_birth_year ON customers (country, birth_year);
CREATE INDEX customers_birth_year ON customers (birth_year);
