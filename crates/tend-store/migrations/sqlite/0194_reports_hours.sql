-- The roll-up's recent days by the hour (SQLite), docs/reports.md "Roll-ups". For a local day
-- the `reports_roll_up` job recounts while it is recent (ending less than 48 hours before the
-- run), `report_hours` holds the same tallies as `report_days` per UTC hour of the day's window
-- (`at`: the hour's start in µs; an hour the day's midnight cuts is clipped to the window), and
-- `report_hour_days` lists the day. A report reading such a day while it is marked reads only
-- its marked hours from the complaints and the others from here: under steady intake, today
-- costs the last hour's complaints instead of the whole day's. A recount rewrites a day's hours;
-- an older day's are dropped.
CREATE TABLE report_hour_days (
    day INTEGER PRIMARY KEY
);

CREATE TABLE report_hours (
    dim TEXT NOT NULL,
    day INTEGER NOT NULL,
    at INTEGER NOT NULL,
    value TEXT NOT NULL,
    delta INTEGER NOT NULL,
    tally BLOB NOT NULL,
    PRIMARY KEY (dim, day, value, at)
);
CREATE INDEX report_hours_day ON report_hours (day);
