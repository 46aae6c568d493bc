CREATE TABLE `case_flag_sightings` (
	`case_id` integer NOT NULL,
	`flag_key` text NOT NULL,
	`first_seen_at` text NOT NULL,
	PRIMARY KEY(`case_id`, `flag_key`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `case_stage_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`changed_on` text NOT NULL,
	`reason` text,
	`source` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_stage_history_case_idx` ON `case_stage_history` (`case_id`,`changed_on`);--> statement-breakpoint
CREATE TABLE `case_views` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`last_opened_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `position_statements` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meeting_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`kind` text NOT NULL,
	`what` text NOT NULL,
	`who` text,
	`reflected_in` text,
	`reflected_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_items_meeting_idx` ON `meeting_items` (`meeting_id`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `outcome` text;