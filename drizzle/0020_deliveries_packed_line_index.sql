-- The caseload-wide compliance read packs every log line into a short text (PACKED_DELIVERY_LINE
-- in src/main/services/agreements/agreements-behind.ts; the expression below must stay identical
-- to it, which tests/db/agreements-compliance.test.ts checks). As a seventh column of the covering
-- deliveries index, each line's text is computed once when the line is written, and the read takes
-- it from the index instead of building 100,000 of them again on every recompute.
DROP INDEX `deliveries_term_date_idx`;--> statement-breakpoint
CREATE INDEX `deliveries_term_date_idx` ON `deliveries` (`term_id`, `delivered_on`, `status`, `minutes`, `count`, `replaces_delivery_id`, (delivered_on || CASE status WHEN 'delivered' THEN 0 WHEN 'cut_short' THEN 1 WHEN 'makeup' THEN 2 WHEN 'missed_provider_absent' THEN 3 WHEN 'missed_provider_cancelled' THEN 4 WHEN 'missed_school_event' THEN 5 WHEN 'missed_student_absent' THEN 6 WHEN 'missed_school_closed' THEN 7 WHEN 'missed_family_cancelled' THEN 8 ELSE 9 END || ifnull(minutes, '') || ',' || ifnull(count, '') || CASE WHEN status = 'delivered' THEN '' ELSE ',' || id || ',' || ifnull(replaces_delivery_id, '') END));
