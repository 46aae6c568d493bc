CREATE TABLE `grading_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`calendar_id` integer NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text NOT NULL,
	`label` text NOT NULL,
	FOREIGN KEY (`calendar_id`) REFERENCES `school_calendars`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `grading_periods_calendar_idx` ON `grading_periods` (`calendar_id`,`start_on`);--> statement-breakpoint
ALTER TABLE `agreement_terms` ADD `makeup_clause` text;--> statement-breakpoint
ALTER TABLE `agreements` ADD `owed_convention` text DEFAULT 'scheduled_sessions' NOT NULL;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `replaces_delivery_id` integer REFERENCES deliveries(id) ON DELETE SET NULL;