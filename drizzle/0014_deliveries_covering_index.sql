-- The deliveries index covers every column the caseload-wide compliance read uses (issue 14), so
-- that read walks the index alone instead of looking up each of 100,000 rows in the table.
DROP INDEX `deliveries_term_date_idx`;--> statement-breakpoint
CREATE INDEX `deliveries_term_date_idx` ON `deliveries` (`term_id`,`delivered_on`,`status`,`minutes`,`count`,`replaces_delivery_id`);