CREATE TABLE `calendar_closures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`calendar_id` integer NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	FOREIGN KEY (`calendar_id`) REFERENCES `school_calendars`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `calendar_closures_calendar_idx` ON `calendar_closures` (`calendar_id`,`start_on`);--> statement-breakpoint
CREATE TABLE `school_calendars` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`label` text NOT NULL,
	`first_day` text NOT NULL,
	`last_day` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_calendars_district_label_idx` ON `school_calendars` (`district_id`,`label`);--> statement-breakpoint
DROP INDEX `events_type_idx`;--> statement-breakpoint
CREATE INDEX `events_trigger_idx` ON `events` (`type`,`case_id`,`occurred_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_case_trigger_idx` ON `tasks` (`case_id`,`trigger_key`);