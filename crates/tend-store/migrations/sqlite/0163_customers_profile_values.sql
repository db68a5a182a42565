-- The profile of every customer at volume (SQLite). `customer_values` counts the customers per
-- value of each profile field (`tend_store::customers::PROFILE_FIELDS`, trimmed; '' for none:
-- NULL or blank) and per birth year (as text; '' for none). Triggers keep it in the same
-- transaction as every insert, change of those fields and delete of a customer, so the profile
-- of all customers reads a few hundred rows instead of grouping the customers nine times. A value
-- no customer has any more is removed (an anonymised customer's city leaves no trace here).
CREATE TABLE customer_values (
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    customers INTEGER NOT NULL,
    PRIMARY KEY (field, value)
);

INSERT INTO customer_values (field, value, customers)
SELECT 'country', COALESCE(NULLIF(TRIM(country), ''), ''), COUNT(*) FROM customers GROUP BY COALESCE(NULLIF(TRIM(country), ''), '')
UNION ALL SELECT 'region', COALESCE(NULLIF(TRIM(region), ''), ''), COUNT(*) FROM customers GROUP BY COALESCE(NULLIF(TRIM(region), ''), '')
UNION ALL SELECT 'city', COALESCE(NULLIF(TRIM(city), ''), ''), COUNT(*) FROM customers GROUP BY COALESCE(NULLIF(TRIM(city), ''), '')
UNION ALL SELECT 'gender', COALESCE(NULLIF(TRIM(gender), ''), ''), COUNT(*) FROM customers GROUP BY COALESCE(NULLIF(TRIM(gender), ''), '')
UNION ALL SELECT 'education_level', COALESCE(NULLIF(TRIM(education_level), ''), ''), COUNT(*) FROM customers GROUP BY COALESCE(NULLIF(TRIM(education_level), ''), '')
UNION ALL SELECT 'preferred_language', COALESCE(NULLIF(TRIM(preferred_language), ''), ''), COUNT(*) FROM customers GROUP BY COALESCE(NULLIF(TRIM(preferred_language), ''), '')
UNION ALL SELECT 'preferred_channel', COALESCE(NULLIF(TRIM(preferred_channel), ''), ''), COUNT(*) FROM customers GROUP BY COALESCE(NULLIF(TRIM(preferred_channel), ''), '')
UNION ALL SELECT 'birth_year', COALESCE(CAST(birth_year AS TEXT), ''), COUNT(*) FROM customers GROUP BY COALESCE(CAST(birth_year AS TEXT), '');

CREATE TRIGGER customer_values_insert AFTER INSERT ON customers
BEGIN
    INSERT INTO customer_values (field, value, customers) VALUES
        ('country', COALESCE(NULLIF(TRIM(NEW.country), ''), ''), 1),
        ('region', COALESCE(NULLIF(TRIM(NEW.region), ''), ''), 1),
        ('city', COALESCE(NULLIF(TRIM(NEW.city), ''), ''), 1),
        ('gender', COALESCE(NULLIF(TRIM(NEW.gender), ''), ''), 1),
        ('education_level', COALESCE(NULLIF(TRIM(NEW.education_level), ''), ''), 1),
        ('preferred_language', COALESCE(NULLIF(TRIM(NEW.preferred_language), ''), ''), 1),
        ('preferred_channel', COALESCE(NULLIF(TRIM(NEW.preferred_channel), ''), ''), 1),
        ('birth_year', COALESCE(CAST(NEW.birth_year AS TEXT), ''), 1)
    ON CONFLICT (field, value) DO UPDATE SET customers = customers + excluded.customers;
END;

CREATE TRIGGER customer_values_update AFTER UPDATE OF country, region, city, gender, education_level, preferred_language, preferred_channel, birth_year ON customers
WHEN OLD.country IS NOT NEW.country OR OLD.region IS NOT NEW.region OR OLD.city IS NOT NEW.city OR OLD.gender IS NOT NEW.gender OR OLD.education_level IS NOT NEW.education_level OR OLD.preferred_language IS NOT NEW.preferred_language OR OLD.preferred_channel IS NOT NEW.preferred_channel OR OLD.birth_year IS NOT NEW.birth_year
BEGIN
    INSERT INTO customer_values (field, value, customers) VALUES
        ('country', COALESCE(NULLIF(TRIM(OLD.country), ''), ''), -1),
        ('region', COALESCE(NULLIF(TRIM(OLD.region), ''), ''), -1),
        ('city', COALESCE(NULLIF(TRIM(OLD.city), ''), ''), -1),
        ('gender', COALESCE(NULLIF(TRIM(OLD.gender), ''), ''), -1),
        ('education_level', COALESCE(NULLIF(TRIM(OLD.education_level), ''), ''), -1),
        ('preferred_language', COALESCE(NULLIF(TRIM(OLD.preferred_language), ''), ''), -1),
        ('preferred_channel', COALESCE(NULLIF(TRIM(OLD.preferred_channel), ''), ''), -1),
        ('birth_year', COALESCE(CAST(OLD.birth_year AS TEXT), ''), -1)
    ON CONFLICT (field, value) DO UPDATE SET customers = customers + excluded.customers;
    INSERT INTO customer_values (field, value, customers) VALUES
        ('country', COALESCE(NULLIF(TRIM(NEW.country), ''), ''), 1),
        ('region', COALESCE(NULLIF(TRIM(NEW.region), ''), ''), 1),
        ('city', COALESCE(NULLIF(TRIM(NEW.city), ''), ''), 1),
        ('gender', COALESCE(NULLIF(TRIM(NEW.gender), ''), ''), 1),
        ('education_level', COALESCE(NULLIF(TRIM(NEW.education_level), ''), ''), 1),
        ('preferred_language', COALESCE(NULLIF(TRIM(NEW.preferred_language), ''), ''), 1),
        ('preferred_channel', COALESCE(NULLIF(TRIM(NEW.preferred_channel), ''), ''), 1),
        ('birth_year', COALESCE(CAST(NEW.birth_year AS TEXT), ''), 1)
    ON CONFLICT (field, value) DO UPDATE SET customers = customers + excluded.customers;
    DELETE FROM customer_values WHERE customers = 0 AND (field, value) IN (VALUES
            ('country', COALESCE(NULLIF(TRIM(OLD.country), ''), '')),
            ('region', COALESCE(NULLIF(TRIM(OLD.region), ''), '')),
            ('city', COALESCE(NULLIF(TRIM(OLD.city), ''), '')),
            ('gender', COALESCE(NULLIF(TRIM(OLD.gender), ''), '')),
            ('education_level', COALESCE(NULLIF(TRIM(OLD.education_level), ''), '')),
            ('preferred_language', COALESCE(NULLIF(TRIM(OLD.preferred_language), ''), '')),
            ('preferred_channel', COALESCE(NULLIF(TRIM(OLD.preferred_channel), ''), '')),
            ('birth_year', COALESCE(CAST(OLD.birth_year AS TEXT), '')));
END;

CREATE TRIGGER customer_values_delete AFTER DELETE ON customers
BEGIN
    INSERT INTO customer_values (field, value, customers) VALUES
        ('country', COALESCE(NULLIF(TRIM(OLD.country), ''), ''), -1),
        ('region', COALESCE(NULLIF(TRIM(OLD.region), ''), ''), -1),
        ('city', COALESCE(NULLIF(TRIM(OLD.city), ''), ''), -1),
        ('gender', COALESCE(NULLIF(TRIM(OLD.gender), ''), ''), -1),
        ('education_level', COALESCE(NULLIF(TRIM(OLD.education_level), ''), ''), -1),
        ('preferred_language', COALESCE(NULLIF(TRIM(OLD.preferred_language), ''), ''), -1),
        ('preferred_channel', COALESCE(NULLIF(TRIM(OLD.preferred_channel), ''), ''), -1),
        ('birth_year', COALESCE(CAST(OLD.birth_year AS TEXT), ''), -1)
    ON CONFLICT (field, value) DO UPDATE SET customers = customers + excluded.customers;
    DELETE FROM customer_values WHERE customers = 0 AND (field, value) IN (VALUES
            ('country', COALESCE(NULLIF(TRIM(OLD.country), ''), '')),
            ('region', COALESCE(NULLIF(TRIM(OLD.region), ''), '')),
            ('city', COALESCE(NULLIF(TRIM(OLD.city), ''), '')),
            ('gender', COALESCE(NULLIF(TRIM(OLD.gender), ''), '')),
            ('education_level', COALESCE(NULLIF(TRIM(OLD.education_level), ''), '')),
            ('preferred_language', COALESCE(NULLIF(TRIM(OLD.preferred_language), ''), '')),
            ('preferred_channel', COALESCE(NULLIF(TRIM(OLD.preferred_channel), ''), '')),
            ('birth_year', COALESCE(CAST(OLD.birth_year AS TEXT), '')));
END;
