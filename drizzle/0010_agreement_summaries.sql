CREATE TABLE `agreement_summaries` (
	`agreement_id` integer PRIMARY KEY NOT NULL,
	`computed_on` text NOT NULL,
	`status` text NOT NULL,
	`summary` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade
);
