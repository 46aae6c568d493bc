DROP INDEX `events_trigger_idx`;--> statement-breakpoint
CREATE INDEX `events_trigger_idx` ON `events` (`type`,`case_id`,`occurred_on`,`kind`,`kind_confirmed`,`attributes`);