ALTER TABLE `claims` ADD `state_complaint_filed_on` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `due_process_filed_on` text;--> statement-breakpoint
-- A claim recorded as filed before the forum was asked: it was read as closing both limits, so both dates keep it.
UPDATE `claims` SET `state_complaint_filed_on` = `filed_on`, `due_process_filed_on` = `filed_on`, `filed_on` = NULL WHERE `filed_on` IS NOT NULL;
