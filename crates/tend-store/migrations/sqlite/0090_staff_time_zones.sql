-- Each employee's own time zone (an IANA name such as Europe/Istanbul), in which their pages and
-- mail show instants; NULL reads the company's (company_settings 'time_zone', else UTC).
ALTER TABLE employees ADD COLUMN time_zone TEXT;
