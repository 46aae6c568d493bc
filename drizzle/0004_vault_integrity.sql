-- The audit log is append-only, and in chain order. REPLACE INTO would otherwise delete the row it
-- collides with without firing the delete guard (recursive triggers are off by default), and an
-- INSERT with an explicit id could slip a row into the middle of the chain.
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN NEW.id > 0 AND NEW.id <= coalesce((SELECT max(id) FROM audit_log), 0)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- Each new row must follow the newest one: it names that row's hash as its previous hash.
CREATE TRIGGER audit_log_in_chain BEFORE INSERT ON audit_log
WHEN NEW.previous_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
  SELECT RAISE(ABORT, 'audit_log rows must follow the newest entry');
END;
