#include "store/soci/migrations.hpp"

#include <stdexcept>

namespace meldpunt {

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> migrations = {
      {1, "reports, staff users, sessions, audit log", R"SQL(
CREATE TABLE reports (
  id {{id}},
  reported_at BIGINT NOT NULL,
  reported_year INTEGER NOT NULL,
  incident_date TEXT NOT NULL,
  incident_municipality TEXT NOT NULL,
  residence_municipality TEXT NOT NULL,
  anonymous INTEGER NOT NULL,
  channel TEXT NOT NULL,
  description_enc TEXT NOT NULL,
  contact_enc TEXT
);
CREATE INDEX reports_by_year_incident ON reports (reported_year, incident_municipality);
CREATE INDEX reports_by_year_residence ON reports (reported_year, residence_municipality);
CREATE TABLE staff_users (
  id {{id}},
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT NOT NULL
);
CREATE TABLE audit_log (
  id {{id}},
  at BIGINT NOT NULL,
  user_id BIGINT REFERENCES staff_users (id),
  action TEXT NOT NULL,
  subject TEXT NOT NULL
)
)SQL"},
      {2, "one report per submitted form", R"SQL(
ALTER TABLE reports ADD COLUMN submission_key TEXT;
CREATE UNIQUE INDEX reports_by_submission_key ON reports (submission_key)
)SQL"},
      {3, "full classification: who reports, nature, grounds, domain, scope, wishes", R"SQL(
ALTER TABLE reports ADD COLUMN reporter_role TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE reports ADD COLUMN nature TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE reports ADD COLUMN social_domain TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE reports ADD COLUMN scope TEXT NOT NULL DEFAULT 'incident';
ALTER TABLE reports ADD COLUMN wishes TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN is_complaint INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN code_list_version TEXT NOT NULL DEFAULT '';
CREATE TABLE report_grounds (
  report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  ground TEXT NOT NULL,
  PRIMARY KEY (report_id, ground)
);
CREATE INDEX report_grounds_by_ground ON report_grounds (ground)
)SQL"},
      {4, "receipt codes, report status, messages with the reporter, follow-up sessions", R"SQL(
ALTER TABLE reports ADD COLUMN status TEXT NOT NULL DEFAULT 'received';
CREATE TABLE report_receipts (
  receipt_hash TEXT PRIMARY KEY,
  report_id BIGINT NOT NULL UNIQUE REFERENCES reports (id) ON DELETE CASCADE
);
CREATE TABLE report_messages (
  id {{id}},
  report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  author TEXT NOT NULL,
  staff_user_id BIGINT REFERENCES staff_users (id),
  body_enc TEXT NOT NULL
);
CREATE INDEX report_messages_by_report ON report_messages (report_id, id);
CREATE TABLE followup_sessions (
  token_hash TEXT PRIMARY KEY,
  report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT NOT NULL
)
)SQL"},
      {5, "outbox of e-mails to reporters", R"SQL(
CREATE TABLE mail_outbox (
  id {{id}},
  created_at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  lang TEXT NOT NULL,
  recipient_enc TEXT,
  report_id BIGINT REFERENCES reports (id) ON DELETE SET NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT,
  sent_at BIGINT,
  failed_at BIGINT,
  last_error TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at)
  WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX mail_outbox_by_report ON mail_outbox (report_id);
CREATE UNIQUE INDEX mail_outbox_one_confirmation ON mail_outbox (report_id)
  WHERE kind = 'confirmation'
)SQL"},
      // Files are kept in the database, encrypted like the description, so that one backup holds
      // everything. message_id names a follow-up message; that table is not ours to refer to.
      {6, "evidence files", R"SQL(
CREATE TABLE evidence (
  id {{id}},
  report_id BIGINT NOT NULL REFERENCES reports (id),
  message_id BIGINT,
  received_at BIGINT NOT NULL,
  media_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  original_size BIGINT NOT NULL,
  original_sha256 TEXT NOT NULL,
  filename_enc TEXT NOT NULL,
  content_enc TEXT NOT NULL
);
CREATE INDEX evidence_by_report ON evidence (report_id)
)SQL"},
      {7, "bureaus with working areas; staff and reports belong to a bureau", R"SQL(
CREATE TABLE bureaus (
  id {{id}},
  name TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);
CREATE TABLE bureau_municipalities (
  municipality TEXT PRIMARY KEY,
  bureau_id BIGINT NOT NULL REFERENCES bureaus (id)
);
CREATE INDEX bureau_municipalities_by_bureau ON bureau_municipalities (bureau_id);
CREATE TABLE bureau_desks (
  id {{id}},
  bureau_id BIGINT NOT NULL REFERENCES bureaus (id),
  name TEXT NOT NULL,
  UNIQUE (bureau_id, name)
);
INSERT INTO bureaus (name, created_at) VALUES ('Meldpunt', 0);
ALTER TABLE reports ADD COLUMN bureau_id BIGINT REFERENCES bureaus (id);
UPDATE reports SET bureau_id = (SELECT MIN(id) FROM bureaus);
CREATE INDEX reports_by_bureau ON reports (bureau_id, id);
ALTER TABLE staff_users ADD COLUMN bureau_id BIGINT REFERENCES bureaus (id);
ALTER TABLE staff_users ADD COLUMN desk_id BIGINT REFERENCES bureau_desks (id);
ALTER TABLE staff_users ADD COLUMN municipality TEXT NOT NULL DEFAULT '';
UPDATE staff_users SET bureau_id = (SELECT MIN(id) FROM bureaus);
UPDATE staff_users SET role = 'bureau_admin' WHERE role = 'admin';
UPDATE staff_users SET role = 'municipality_viewer' WHERE role = 'viewer'
)SQL"},
      // Sessions from before had no second factor: they all end, and everyone enrols at their
      // next login. Sessions get an id (to end one from the list of one's sessions), the time of
      // the last password and second factor, and a coarse device description (never an address).
      {8, "second factor, recovery codes, pending logins, login throttling, session list", R"SQL(
DROP TABLE staff_sessions;
CREATE TABLE staff_sessions (
  id {{id}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT NOT NULL,
  authenticated_at BIGINT NOT NULL,
  device TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staff_sessions_by_user ON staff_sessions (user_id);
ALTER TABLE staff_users ADD COLUMN totp_secret_enc TEXT;
ALTER TABLE staff_users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE staff_users ADD COLUMN last_login_at BIGINT;
CREATE TABLE staff_recovery_codes (
  user_id BIGINT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at BIGINT,
  PRIMARY KEY (user_id, code_hash)
);
CREATE TABLE staff_login_pending (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  throttle_key TEXT NOT NULL,
  enrol_secret_enc TEXT
);
CREATE INDEX staff_login_pending_by_age ON staff_login_pending (created_at);
CREATE TABLE login_throttle (
  throttle_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at BIGINT NOT NULL,
  throttled_until BIGINT NOT NULL
)
)SQL"},
      {9, "cases: protocol step, assignment, consent, closing, and the events of each case", R"SQL(
ALTER TABLE reports ADD COLUMN case_step TEXT NOT NULL DEFAULT 'received';
ALTER TABLE reports ADD COLUMN assigned_to BIGINT REFERENCES staff_users (id);
ALTER TABLE reports ADD COLUMN consent_recorded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN case_closed_at BIGINT;
ALTER TABLE reports ADD COLUMN case_version BIGINT NOT NULL DEFAULT 0;
UPDATE reports SET case_step = 'first_analysis' WHERE status = 'in_progress';
UPDATE reports SET case_step = 'closed', case_closed_at = reported_at WHERE status = 'closed';
CREATE INDEX reports_by_assignee ON reports (assigned_to, case_step);
CREATE TABLE report_handlings (
  report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  handling TEXT NOT NULL,
  PRIMARY KEY (report_id, handling)
);
CREATE INDEX report_handlings_by_handling ON report_handlings (handling);
CREATE TABLE case_events (
  id {{id}},
  report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  staff_user_id BIGINT REFERENCES staff_users (id),
  kind TEXT NOT NULL,
  code TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  text_enc TEXT
);
CREATE INDEX case_events_by_report ON case_events (report_id, id)
)SQL"},
      // Reports registered by staff (intake): who registered one and when. The channel is in
      // reports.channel, the day it was received in reports.reported_at.
      {10, "who registered a report that came in through staff", R"SQL(
CREATE TABLE report_intake (
  report_id BIGINT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  staff_user_id BIGINT NOT NULL REFERENCES staff_users (id),
  registered_at BIGINT NOT NULL
);
CREATE INDEX report_intake_by_staff ON report_intake (staff_user_id)
)SQL"},
      // The audit log says which case and which bureau in columns of their own, and becomes
      // append-only (triggers) and tamper-evident (a keyed hash chain, written by the store: see
      // security/audit_chain.hpp). report_id is deliberately not a foreign key: deleting or
      // anonymising a report must never touch the log, and the reference stays readable.
      // Entries from before this migration are not chained (the key is not in the database);
      // audit_chain remembers how many there were, so one added among them later is noticed.
      // Earlier entries get their case from the reference in the subject where it is one, and
      // their bureau from the case, else from the staff member.
      // A plpgsql body keeps its semicolons on one line: statements split at ";\n".
      {11, "audit log: case and bureau columns, append-only, hash chain", R"SQL(
ALTER TABLE audit_log ADD COLUMN report_id BIGINT;
ALTER TABLE audit_log ADD COLUMN bureau_id BIGINT;
ALTER TABLE audit_log ADD COLUMN listed_from BIGINT;
ALTER TABLE audit_log ADD COLUMN listed_to BIGINT;
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN chain_hash TEXT;
UPDATE audit_log SET report_id = CAST(substr(subject, 9, 6) AS BIGINT)
  WHERE action IN ('report.read', 'report.message', 'report.status', 'report.move')
    AND substr(subject, 1, 3) = 'MP-' AND substr(subject, 8, 1) = '-'
    AND length(trim(substr(subject, 9, 6), '0123456789')) = 0 AND length(subject) >= 14
    AND (length(subject) = 14 OR substr(subject, 15, 1) IN (':', ' '));
UPDATE audit_log SET bureau_id = (SELECT r.bureau_id FROM reports r WHERE r.id = audit_log.report_id)
  WHERE report_id IS NOT NULL;
UPDATE audit_log SET bureau_id = (SELECT u.bureau_id FROM staff_users u WHERE u.id = audit_log.user_id)
  WHERE bureau_id IS NULL;
CREATE UNIQUE INDEX audit_log_by_seq ON audit_log (seq);
CREATE INDEX audit_log_by_bureau ON audit_log (bureau_id, id);
CREATE INDEX audit_log_by_report ON audit_log (report_id);
CREATE INDEX audit_log_by_user ON audit_log (user_id, id);
CREATE TABLE audit_chain (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL,
  last_hash TEXT NOT NULL,
  legacy_last_id BIGINT NOT NULL,
  legacy_count BIGINT NOT NULL
);
INSERT INTO audit_chain (id, last_seq, last_hash, legacy_last_id, legacy_count)
  SELECT 1, 0, '', COALESCE(MAX(id), 0), COUNT(*) FROM audit_log;
{{sqlite}}
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain BEGIN SELECT RAISE(ABORT, 'audit_chain is kept'); END;
{{/sqlite}}
{{postgresql}}
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% on % refused, the audit log is append-only', TG_OP, TG_TABLE_NAME; END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
{{/postgresql}}
)SQL"},
      // The closing time is the case's (case_closed_at, migration 9, set when a case closes and
      // by SetReportStatus). A closed report without one (closed by the status form before this
      // migration) gets the first retention run's time (AnonymiseClosedReports), so its retention
      // period starts then instead of at a guessed date.
      {12, "bureau settings, anonymisation, status history", R"SQL(
CREATE TABLE bureau_settings (
  bureau_id BIGINT NOT NULL REFERENCES bureaus (id),
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (bureau_id, name)
);
ALTER TABLE reports ADD COLUMN anonymised_at BIGINT;
CREATE INDEX reports_due_for_retention ON reports (bureau_id, case_closed_at)
  WHERE anonymised_at IS NULL;
CREATE TABLE report_status_changes (
  id {{id}},
  report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  status TEXT NOT NULL
);
CREATE INDEX report_status_changes_by_report ON report_status_changes (report_id, id)
)SQL"},
      // Letters to the other party (hoor en wederhoor). A bureau's own templates replace the
      // built-in text per language; letterheads hold the address lines under the bureau's name.
      // A sent letter keeps its free text encrypted and the PDF as it was sent, so that what
      // went out can be shown later even when the template changed since.
      {15, "letter templates, letterheads and the letters of a case", R"SQL(
CREATE TABLE letter_templates (
  bureau_id BIGINT NOT NULL REFERENCES bureaus (id),
  lang TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  closing TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES staff_users (id),
  PRIMARY KEY (bureau_id, lang)
);
CREATE TABLE letterheads (
  bureau_id BIGINT PRIMARY KEY REFERENCES bureaus (id),
  address_lines TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES staff_users (id)
);
CREATE TABLE case_letters (
  id {{id}},
  report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  staff_user_id BIGINT REFERENCES staff_users (id),
  lang TEXT NOT NULL,
  reply_by TEXT NOT NULL,
  other_party_name_enc TEXT NOT NULL,
  other_party_address_enc TEXT NOT NULL,
  summary_enc TEXT NOT NULL,
  signed_by_enc TEXT NOT NULL,
  pdf_enc TEXT NOT NULL
);
CREATE INDEX case_letters_by_report ON case_letters (report_id, id)
)SQL"},
      // Work lists and search (issue 4): a bureau's open cases by step, and the filters of the
      // search page that narrow most (dates and municipalities), each within one bureau.
      {16, "indexes for work lists and search", R"SQL(
CREATE INDEX reports_by_bureau_step ON reports (bureau_id, case_step, is_complaint);
CREATE INDEX reports_by_bureau_time ON reports (bureau_id, reported_at);
CREATE INDEX reports_by_bureau_incident ON reports (bureau_id, incident_municipality);
CREATE INDEX reports_by_bureau_residence ON reports (bureau_id, residence_municipality)
)SQL"},
      // Mass reports (massameldingen). The event describes a public event, so its name and
      // description are stored in clear. mass_messages records each bulk answer (not its text,
      // which is stored encrypted with every report's thread) and makes a resent form a no-op.
      {17, "mass-report events, reports linked to them, bulk answers", R"SQL(
CREATE TABLE mass_events (
  id {{id}},
  bureau_id BIGINT NOT NULL REFERENCES bureaus (id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  started_on TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES staff_users (id),
  UNIQUE (bureau_id, name)
);
ALTER TABLE reports ADD COLUMN mass_event_id BIGINT REFERENCES mass_events (id);
CREATE INDEX reports_by_mass_event ON reports (mass_event_id);
CREATE TABLE mass_messages (
  id {{id}},
  mass_event_id BIGINT NOT NULL REFERENCES mass_events (id),
  submission_key TEXT NOT NULL UNIQUE,
  sent_at BIGINT NOT NULL,
  sent_by BIGINT REFERENCES staff_users (id),
  recipients BIGINT NOT NULL DEFAULT 0,
  notices BIGINT NOT NULL DEFAULT 0
)
)SQL"},
      {18, "code lists an administrator extends, in versions", R"SQL(
CREATE TABLE code_list_versions (
  id {{id}},
  version TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES staff_users (id),
  note TEXT NOT NULL
);
CREATE TABLE code_list_codes (
  list_name TEXT NOT NULL,
  code TEXT NOT NULL,
  label_nl TEXT NOT NULL,
  label_en TEXT NOT NULL,
  added_in TEXT NOT NULL,
  retired_in TEXT,
  PRIMARY KEY (list_name, code)
)
)SQL"},
      // Population figures (inwonertallen) that an admin enters per municipality and year, for
      // figures per 1,000 inhabitants; not personal data. The index lets the public figures
      // count a year's reports per pair of municipalities from the index alone.
      {19, "population figures, and counting reports per place", R"SQL(
CREATE TABLE population (
  municipality TEXT NOT NULL,
  year INTEGER NOT NULL,
  inhabitants BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES staff_users (id),
  PRIMARY KEY (municipality, year)
);
CREATE INDEX reports_by_year_places ON reports (reported_year, incident_municipality,
  residence_municipality)
)SQL"},
      {20, "national files imported from other installations", R"SQL(
CREATE TABLE national_imports (
  bureau_key TEXT NOT NULL,
  year INTEGER NOT NULL,
  bureau_name TEXT NOT NULL,
  rows_csv TEXT NOT NULL,
  file_key TEXT NOT NULL,
  imported_at BIGINT NOT NULL,
  imported_by BIGINT REFERENCES staff_users (id) ON DELETE SET NULL,
  PRIMARY KEY (bureau_key, year)
)
)SQL"},
      // The municipal report reads the reports about a municipality or by its residents in two
      // (or more) years: with the municipality first, each side of that OR is one index range
      // (SQLite's multi-index OR, PostgreSQL's bitmap OR) instead of every report of the years.
      // The indexes also hold every column the figures read (Store::ListReportFacts), so the
      // wide report rows (sealed descriptions) are never touched: about 70 bytes per report each.
      {21, "covering indexes for the figures of one municipality", R"SQL(
CREATE INDEX reports_figures_by_incident ON reports (incident_municipality, reported_year,
  residence_municipality, incident_date, social_domain, nature, mass_event_id, reported_at);
CREATE INDEX reports_figures_by_residence ON reports (residence_municipality, reported_year,
  incident_municipality, incident_date, social_domain, nature, mass_event_id, reported_at)
)SQL"},
      // Each report's grounds and handlings on its own row as well (report_columns::SortedCodes,
      // kept by every writer of report_grounds and report_handlings in the same transaction),
      // and in the covering indexes of migration 21: the figures then read one index range per
      // municipality and never look up the two tables, whose pages were most of the time of a
      // municipal report (docs/benchmarks.md). The tables stay the record the searches and
      // worklists use. The indexes are dropped before the columns are filled, so filling them
      // touches no index.
      {22, "grounds and handlings on the report row for the figures", R"SQL(
DROP INDEX reports_figures_by_incident;
DROP INDEX reports_figures_by_residence;
ALTER TABLE reports ADD COLUMN ground_codes TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN handling_codes TEXT NOT NULL DEFAULT '';
{{sqlite}}
UPDATE reports SET
  ground_codes = COALESCE((SELECT group_concat(ground, ',') FROM (SELECT g.ground FROM
    report_grounds g WHERE g.report_id = reports.id ORDER BY g.ground)), ''),
  handling_codes = COALESCE((SELECT group_concat(handling, ',') FROM (SELECT h.handling FROM
    report_handlings h WHERE h.report_id = reports.id ORDER BY h.handling)), '');
{{/sqlite}}
{{postgresql}}
UPDATE reports r SET
  ground_codes = COALESCE((SELECT string_agg(g.ground, ',' ORDER BY g.ground COLLATE "C") FROM
    report_grounds g WHERE g.report_id = r.id), ''),
  handling_codes = COALESCE((SELECT string_agg(h.handling, ',' ORDER BY h.handling COLLATE "C")
    FROM report_handlings h WHERE h.report_id = r.id), '');
{{/postgresql}}
CREATE INDEX reports_figures_by_incident ON reports (incident_municipality, reported_year,
  residence_municipality, incident_date, social_domain, nature, mass_event_id, reported_at,
  ground_codes, handling_codes);
CREATE INDEX reports_figures_by_residence ON reports (residence_municipality, reported_year,
  incident_municipality, incident_date, social_domain, nature, mass_event_id, reported_at,
  ground_codes, handling_codes)
)SQL"},
      // The year-first index of migration 19 widened into a covering one: the public figures
      // (places and grounds of every report of two years) and the national file (every column
      // the figures read, for a year) then read the index only, never the wide report rows
      // with their sealed descriptions (docs/benchmarks.md).
      {23, "covering year index for the public figures and the national file", R"SQL(
DROP INDEX reports_by_year_places;
CREATE INDEX reports_by_year_figures ON reports (reported_year, incident_municipality,
  residence_municipality, ground_codes, handling_codes, incident_date, social_domain, nature,
  mass_event_id, bureau_id, is_complaint)
)SQL"},
      // A report's year is the Dutch calendar's (domain/dutch_time.hpp), no longer UTC's: a
      // report made between 00:00 and 01:00 on 1 January, Dutch time, moves into the new year.
      // The turn of the year is always in winter time (CET, UTC+1; DutchTime's unit tests check
      // this against the time-zone database), so the Dutch year of t is the UTC year of t + 3600.
      // Only the rows whose year changes are written (and their index entries).
      {24, "the year of a report by the Dutch calendar", R"SQL(
{{sqlite}}
UPDATE reports SET reported_year = CAST(strftime('%Y', reported_at + 3600, 'unixepoch') AS INTEGER)
WHERE reported_year <> CAST(strftime('%Y', reported_at + 3600, 'unixepoch') AS INTEGER);
{{/sqlite}}
{{postgresql}}
UPDATE reports SET
  reported_year = CAST(EXTRACT(YEAR FROM to_timestamp(reported_at + 3600) AT TIME ZONE 'UTC') AS INTEGER)
WHERE reported_year <>
  CAST(EXTRACT(YEAR FROM to_timestamp(reported_at + 3600) AT TIME ZONE 'UTC') AS INTEGER);
{{/postgresql}}
)SQL"},
      // The covering indexes of migrations 22 and 23 hold the report id only on SQLite, which
      // keeps the rowid in every index entry by itself. PostgreSQL's do not, so each figures
      // read fetched the report rows (sealed descriptions and all) for their id. Rebuilt there
      // with the id included (INCLUDE: carried, not sorted on), so the figures are index-only
      // scans on both engines (docs/benchmarks.md). Nothing changes on SQLite.
      {25, "report ids in the covering figures indexes (PostgreSQL)", R"SQL(
{{postgresql}}
DROP INDEX reports_figures_by_incident;
DROP INDEX reports_figures_by_residence;
DROP INDEX reports_by_year_figures;
CREATE INDEX reports_figures_by_incident ON reports (incident_municipality, reported_year,
  residence_municipality, incident_date, social_domain, nature, mass_event_id, reported_at,
  ground_codes, handling_codes) INCLUDE (id);
CREATE INDEX reports_figures_by_residence ON reports (residence_municipality, reported_year,
  incident_municipality, incident_date, social_domain, nature, mass_event_id, reported_at,
  ground_codes, handling_codes) INCLUDE (id);
CREATE INDEX reports_by_year_figures ON reports (reported_year, incident_municipality,
  residence_municipality, ground_codes, handling_codes, incident_date, social_domain, nature,
  mass_event_id, bureau_id, is_complaint) INCLUDE (id)
{{/postgresql}}
)SQL"},
      // The bureau's list of reports (issue 14) is sorted by the moment received or by reference
      // (year, then number), ties by id, and paged by that key. SQLite's index of migration 16
      // holds the id already (the rowid is in every entry); PostgreSQL's does not, so it sorted
      // every row of the bureau for a page. One index with the id on both engines (the search's
      // date range uses it as well), and one in reference order.
      {26, "the bureau's reports by moment received and by reference (work list paging)", R"SQL(
DROP INDEX reports_by_bureau_time;
CREATE INDEX reports_by_bureau_received ON reports (bureau_id, reported_at, id);
CREATE INDEX reports_by_bureau_reference ON reports (bureau_id, reported_year, id)
)SQL"},
      // Letters (issue 14): the bureau's telephone number and e-mail address on its letterhead, so
      // that a letter asking the other party to get in touch says how; and an optional contact
      // person at the other party (t.a.v.), encrypted like the rest of the addressee. Old letters
      // have none: the empty text stands for that, not a ciphertext.
      {27, "letterhead phone and e-mail, the attention line of a letter", R"SQL(
ALTER TABLE letterheads ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE letterheads ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE case_letters ADD COLUMN other_party_attention_enc TEXT NOT NULL DEFAULT ''
)SQL"},
      // Deactivated staff accounts (issue 14): the moment of deactivation, NULL while active. The
      // row stays, so the account's audit entries keep their user.
      {28, "deactivated staff accounts", R"SQL(
ALTER TABLE staff_users ADD COLUMN deactivated_at BIGINT
)SQL"},
      // The list of reports sorted and filtered by next deadline and last activity (issue 14), at
      // a million reports: both moments on the report row, kept by every write that changes
      // them in its own transaction (soci_case_due.cpp). next_due_at: the earliest open deadline
      // (store/case_due.hpp), 253402300799 (year 9999) for none, so the column is NOT NULL and
      // soonest-first puts those last. last_activity_at: the latest of received, registered,
      // any history entry or message, filled here; next_due_at needs the deadline rules in C++,
      // so SociStore::Migrate fills it after this migration (BackfillCaseDue). PostgreSQL: the
      // planner gets the new columns' statistics at once (ANALYZE runs in a transaction; VACUUM,
      // which sets the visibility map again after the UPDATE, does not: autovacuum, or the
      // operator, docs/benchmarks.md).
      {29, "next deadline and last activity on the report row (work list order)", R"SQL(
ALTER TABLE reports ADD COLUMN next_due_at BIGINT NOT NULL DEFAULT 253402300799;
ALTER TABLE reports ADD COLUMN last_activity_at BIGINT NOT NULL DEFAULT 0;
{{sqlite}}
UPDATE reports SET last_activity_at = max(reported_at,
  COALESCE((SELECT MAX(i.registered_at) FROM report_intake i WHERE i.report_id = reports.id), 0),
  COALESCE((SELECT MAX(e.at) FROM case_events e WHERE e.report_id = reports.id), 0),
  COALESCE((SELECT MAX(m.at) FROM report_messages m WHERE m.report_id = reports.id), 0));
{{/sqlite}}
{{postgresql}}
UPDATE reports r SET last_activity_at = GREATEST(r.reported_at,
  COALESCE((SELECT MAX(i.registered_at) FROM report_intake i WHERE i.report_id = r.id), 0),
  COALESCE((SELECT MAX(e.at) FROM case_events e WHERE e.report_id = r.id), 0),
  COALESCE((SELECT MAX(m.at) FROM report_messages m WHERE m.report_id = r.id), 0));
{{/postgresql}}
CREATE INDEX reports_by_bureau_next_due ON reports (bureau_id, next_due_at, id);
CREATE INDEX reports_by_bureau_activity ON reports (bureau_id, last_activity_at, id);
{{postgresql}}
ANALYZE reports;
{{/postgresql}}
)SQL"},
      // A planned mediation (bemiddeling) of a case (issue 14): when, where and with whom. Place
      // and participants are personal data, encrypted like the case's other free text; the
      // moment is kept in the clear, so that the work list can show it as a date to keep. One
      // row per case: changing the plan replaces it, and the history keeps every version as a
      // mediation_planned event.
      {31, "planned mediations: moment, place and participants", R"SQL(
CREATE TABLE case_mediations (
  report_id BIGINT PRIMARY KEY REFERENCES reports (id),
  planned_at BIGINT NOT NULL,
  place_enc TEXT NOT NULL,
  participants_enc TEXT NOT NULL,
  updated_at BIGINT NOT NULL
)
)SQL"},
      // Tags (labels, issue 14): a bureau's own words for its cases, and which case carries which.
      // name_key is the name folded for comparison, so "Sport" and "sport " are one tag. A case's
      // tags are found by its id (the primary key), a tag's cases by the second index, which the
      // counts on the tags page read.
      {33, "tags of a bureau and the tags on a case", R"SQL(
CREATE TABLE bureau_tags (
  id {{id}},
  bureau_id BIGINT NOT NULL REFERENCES bureaus (id),
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  retired_at BIGINT
);
CREATE UNIQUE INDEX bureau_tags_by_name ON bureau_tags (bureau_id, name_key);
CREATE TABLE case_tags (
  report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  tag_id BIGINT NOT NULL REFERENCES bureau_tags (id),
  added_at BIGINT NOT NULL,
  PRIMARY KEY (report_id, tag_id)
);
CREATE INDEX case_tags_by_tag ON case_tags (tag_id, report_id)
)SQL"},
      // A list view is one audit entry that holds the ids of the cases it showed (listed_ids,
      // chained with the entry), and "who saw this case" finds it through audit_case_listings:
      // one row per case, staff member and day (UTC day number), naming the first listing of
      // that day that showed the case (issue 14). It is an index built from the entries, not
      // part of the record, so it is not append-only.
      {36, "list views: the cases shown, found per case", R"SQL(
ALTER TABLE audit_log ADD COLUMN listed_ids TEXT;
CREATE TABLE audit_case_listings (
  report_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  day BIGINT NOT NULL,
  audit_seq BIGINT NOT NULL,
  PRIMARY KEY (report_id, user_id, day)
)
)SQL"},
      // Saved filters of the list of reports, per staff member (issue 14): the name sealed, the
      // query string as checked when it was saved. At most 20 per user (checked by the store).
      {37, "saved filters of the list of reports", R"SQL(
CREATE TABLE saved_filters (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES staff_users (id),
  name_enc TEXT NOT NULL,
  query TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX saved_filters_by_user ON saved_filters (user_id, id)
)SQL"},
      // The public site's language a report was made in ("tr"; issue 15): shown to staff on the
      // case page, and the language of every e-mail to the reporter. NULL: not known (made before
      // issue 15, or registered by staff).
      {38, "the language a report was made in", R"SQL(
ALTER TABLE reports ADD COLUMN site_language TEXT
)SQL"},
      // Standard replies (standaardteksten) of a bureau (issue 14): the bureau's own texts, in
      // clear like its letter templates. One title per language per bureau (title_key is
      // ReplyTitleKey); at most kMaxStandardRepliesPerBureau per bureau (checked by the store).
      // Numbered 44 to stay clear of the numbers taken in parallel work (migrations may arrive
      // out of order).
      {44, "standard replies of a bureau", R"SQL(
CREATE TABLE standard_replies (
  id {{id}},
  bureau_id BIGINT NOT NULL REFERENCES bureaus (id),
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  lang TEXT NOT NULL,
  use_for TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  retired_at BIGINT
);
CREATE UNIQUE INDEX standard_replies_by_title ON standard_replies (bureau_id, title_key, lang)
)SQL"},
      // Duplicate hints and related cases (issue 14, docs/design.md "Duplicate hints and related
      // cases"). match_keys is a blind index: keyed hashes (security/match_keys.hpp) of a
      // report's normalised e-mail, phone and other parties, and the bands of its text's MinHash
      // signature, with the report's moment received so a lookup reads one index range per key.
      // match_signatures holds the signature itself (hex; '' for a text too short to compare);
      // a row there also says the report's keys were made (the backfill's marker). Both are
      // erased with the report's personal data (personal_data.hpp). case_relations holds each
      // link twice, once from each side, so a case's related cases are one primary-key range.
      {45, "duplicate hints: blind index and text signatures; related cases", R"SQL(
CREATE TABLE match_keys (
  report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  key_hash BIGINT NOT NULL,
  reported_at BIGINT NOT NULL,
  PRIMARY KEY (report_id, kind, key_hash)
);
CREATE INDEX match_keys_lookup ON match_keys (key_hash, reported_at, report_id);
CREATE TABLE match_signatures (
  report_id BIGINT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  signature TEXT NOT NULL
);
CREATE TABLE case_relations (
  report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  related_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  linked_at BIGINT NOT NULL,
  linked_by BIGINT,
  PRIMARY KEY (report_id, related_id)
)
)SQL"},
      // The bureau's own face (issue 15, docs/design.md "The bureau's own face"): what the
      // public sees of a bureau besides how to reach it. Phone, e-mail and postal address stay
      // in letterheads, the one place letters already read them from; the profile page edits
      // both rows in one transaction. The logo is the re-encoded PNG, base64 like the other
      // binary columns, at most a few hundred kB (web/admin/bureau_logo.hpp); logo_version
      // changes with every upload and names the logo's URL, so it can be cached for a year.
      // Not personal data: stored in clear.
      {46, "the bureau's public profile: name, visiting address, ways to report, colours, logo",
       R"SQL(
CREATE TABLE bureau_profiles (
  bureau_id BIGINT PRIMARY KEY REFERENCES bureaus (id),
  public_name TEXT NOT NULL DEFAULT '',
  visiting_address TEXT NOT NULL DEFAULT '',
  opening_hours TEXT NOT NULL DEFAULT '',
  report_by_phone INTEGER NOT NULL DEFAULT 0,
  report_at_desk INTEGER NOT NULL DEFAULT 0,
  whatsapp TEXT NOT NULL DEFAULT '',
  primary_colour TEXT NOT NULL DEFAULT '',
  on_primary_colour TEXT NOT NULL DEFAULT '',
  logo_png TEXT NOT NULL DEFAULT '',
  logo_version BIGINT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES staff_users (id)
)
)SQL"},
      // The work list filtered by municipality (of the incident) with the type and step (issue
      // 14): at a million reports a bureau has tens of thousands of open complaints, and without
      // the municipality in the same index every one of them was read to count a page.
      {47, "work list: municipality, type and step in one index", R"SQL(
CREATE INDEX reports_by_bureau_incident_step
  ON reports (bureau_id, incident_municipality, is_complaint, case_step)
)SQL"},
      // The partner intake API (issue 17, docs/design.md "A partner intake API"). A key is
      // stored only as a keyed BLAKE2b hash (security/partner_keys.hpp); it belongs to the bureau
      // whose admin made it, and sends reports either only for that bureau's working area
      // (routing = 0) or anywhere, routed like the public form (routing = 1). partner_reports says
      // which key sent a report (its channel is "app") and a hash of the request, so that a
      // repeated Idempotency-Key with another body is told apart from a retry. Partner names are
      // organisations, not personal data: stored in clear.
      {48, "partner API keys and the reports they sent", R"SQL(
CREATE TABLE partner_api_keys (
  id {{id}},
  bureau_id BIGINT NOT NULL REFERENCES bureaus (id),
  partner_name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  routing INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES staff_users (id),
  last_used_at BIGINT,
  revoked_at BIGINT,
  revoked_by BIGINT REFERENCES staff_users (id)
);
CREATE INDEX partner_api_keys_by_bureau ON partner_api_keys (bureau_id, id);
CREATE TABLE partner_reports (
  report_id BIGINT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  api_key_id BIGINT NOT NULL REFERENCES partner_api_keys (id),
  request_hash TEXT NOT NULL
);
CREATE INDEX partner_reports_by_key ON partner_reports (api_key_id)
)SQL"},
      // Token buckets that the nodes behind one load balancer share (issue 17, part 6), on
      // PostgreSQL only: SQLite is one node, whose buckets stay in its memory. UNLOGGED: a bucket
      // is worth nothing after a crash (the limits start afresh, as after a restart), so its
      // updates write no WAL and reach no replica or backup. No index but the key, so updates
      // stay HOT; the sweep reads the whole table, which holds only buckets not yet full again.
      {49, "shared limits: the token buckets of several nodes (PostgreSQL only)", R"SQL(
{{postgresql}}
CREATE UNLOGGED TABLE shared_limit_buckets (
  limit_name TEXT NOT NULL,
  client TEXT NOT NULL,
  burst INTEGER NOT NULL,
  refill_seconds DOUBLE PRECISION NOT NULL,
  tokens DOUBLE PRECISION NOT NULL,
  updated_at DOUBLE PRECISION NOT NULL,
  taken INTEGER NOT NULL,
  PRIMARY KEY (limit_name, client)
) WITH (fillfactor = 70)
{{/postgresql}}
)SQL"},
      // The receipts still hashed the old way (Argon2id, before issue 16): as they are rehashed
      // at sign-in or leave with their reports, this index empties, and a wrong code then costs
      // no Argon2id (FollowUpStore::AnyLegacyReceiptHash).
      {51, "receipts still hashed with Argon2id", R"SQL(
CREATE INDEX report_receipts_legacy ON report_receipts (report_id)
  WHERE substr(receipt_hash, 1, 3) <> 'k2:'
)SQL"},
  };
  return migrations;
}

namespace {

// Keeps what lies between {{name}} and {{/name}} (without the markers) when keep is true, and
// drops it, markers and all, when not.
std::string EngineBlocks(std::string_view sql, std::string_view name, bool keep) {
  const std::string open = "{{" + std::string(name) + "}}";
  const std::string close = "{{/" + std::string(name) + "}}";
  std::string out;
  for (size_t pos = 0;;) {
    size_t start = sql.find(open, pos);
    if (start == std::string_view::npos) {
      out.append(sql.substr(pos));
      return out;
    }
    size_t end = sql.find(close, start);
    if (end == std::string_view::npos) throw std::logic_error("migration: " + open + " not closed");
    out.append(sql.substr(pos, start - pos));
    if (keep) out.append(sql.substr(start + open.size(), end - start - open.size()));
    pos = end + close.size();
  }
}

}  // namespace

std::string SqlForEngine(std::string_view sql, Engine engine) {
  const std::string_view id = engine == Engine::kSqlite
                                  ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                  : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  std::string text = EngineBlocks(EngineBlocks(sql, "sqlite", engine == Engine::kSqlite),
                                  "postgresql", engine == Engine::kPostgres);
  std::string out;
  for (size_t pos = 0;;) {
    size_t hit = text.find("{{id}}", pos);
    out.append(text.substr(pos, hit == std::string::npos ? hit : hit - pos));
    if (hit == std::string::npos) break;
    out.append(id);
    pos = hit + 6;
  }
  return out;
}

std::vector<std::string> SplitStatements(std::string_view sql) {
  std::vector<std::string> statements;
  for (size_t pos = 0; pos < sql.size();) {
    size_t end = sql.find(";\n", pos);
    std::string_view part = sql.substr(pos, end == std::string_view::npos ? end : end - pos);
    if (part.find_first_not_of(" \n\t") != std::string_view::npos) statements.emplace_back(part);
    if (end == std::string_view::npos) break;
    pos = end + 2;
  }
  return statements;
}

}  // namespace meldpunt
