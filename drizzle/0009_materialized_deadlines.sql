CREATE TABLE `case_deadline_states` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`computed_on` text NOT NULL,
	`stale_on` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `case_deadlines` (
	`case_id` integer NOT NULL,
	`position` integer NOT NULL,
	`key` text NOT NULL,
	`status` text NOT NULL,
	`nature` text NOT NULL,
	`due_on` text,
	`is_user_threshold` integer NOT NULL,
	`item` text NOT NULL,
	PRIMARY KEY(`case_id`, `position`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_deadlines_status_due_idx` ON `case_deadlines` (`status`,`nature`,`is_user_threshold`,`due_on`);--> statement-breakpoint
CREATE TABLE `agreement_summaries` (
	`agreement_id` integer PRIMARY KEY NOT NULL,
	`computed_on` text NOT NULL,
	`status` text NOT NULL,
	`summary` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade
);
