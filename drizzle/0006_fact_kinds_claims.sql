CREATE TABLE `claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`issue` text NOT NULL,
	`violation_on` text,
	`knew_on` text,
	`filed_on` text,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `claims_case_idx` ON `claims` (`case_id`);--> statement-breakpoint
DROP INDEX `events_trigger_idx`;--> statement-breakpoint
ALTER TABLE `events` ADD `kind` text;--> statement-breakpoint
ALTER TABLE `events` ADD `kind_confirmed` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `attributes` text;--> statement-breakpoint
CREATE INDEX `events_trigger_idx` ON `events` (`type`,`case_id`,`occurred_on`,`kind`,`kind_confirmed`,`attributes`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `event_id` integer REFERENCES events(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_event_idx` ON `meetings` (`event_id`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `met_on` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `outcome_reason` text;