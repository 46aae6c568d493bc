ALTER TABLE `case_deadlines` ADD `title` text;--> statement-breakpoint
ALTER TABLE `case_deadlines` ADD `rule_id` text;--> statement-breakpoint
ALTER TABLE `case_deadlines` ADD `citation` text;--> statement-breakpoint
CREATE INDEX `case_deadlines_next_idx` ON `case_deadlines` (`status`,`nature`,`is_user_threshold`,`case_id`,`due_on`,`position`,`title`);--> statement-breakpoint
CREATE INDEX `case_deadlines_rule_idx` ON `case_deadlines` (`rule_id`,`case_id`,`position`,`key`,`title`,`due_on`,`status`,`nature`,`citation`);--> statement-breakpoint
CREATE INDEX `events_case_type_contact_idx` ON `events` (`case_id`,`type`,`occurred_on`,`contact_id`,`title`);--> statement-breakpoint
-- Stored deadline lines written before this migration lack the three new columns: drop them all
-- (they are derived), so the next read recomputes every open case and fills them in.
DELETE FROM `case_deadline_states`;--> statement-breakpoint
DELETE FROM `case_deadlines`;
