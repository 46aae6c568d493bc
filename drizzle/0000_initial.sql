CREATE TABLE `families` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`primary_language` text,
	`email` text,
	`phone` text,
	`address` text,
	`engaged_on` text,
	`consent_on` text,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `guardians` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`family_id` integer NOT NULL,
	`name` text NOT NULL,
	`relationship` text,
	`email` text,
	`phone` text,
	`is_primary` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `guardians_family_idx` ON `guardians` (`family_id`);--> statement-breakpoint
CREATE TABLE `districts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`state` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `districts_name_state_idx` ON `districts` (`name`,`state`);--> statement-breakpoint
CREATE TABLE `students` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`family_id` integer NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`date_of_birth` text,
	`school` text,
	`grade` text,
	`district_id` integer,
	`eligibility_category` text,
	`iep_meeting_on` text,
	`iep_start_on` text,
	`annual_review_due_on` text,
	`triennial_due_on` text,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `students_family_idx` ON `students` (`family_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`student_id` integer NOT NULL,
	`title` text NOT NULL,
	`stage` text DEFAULT 'intake' NOT NULL,
	`issues` text DEFAULT '[]' NOT NULL,
	`jurisdiction` text DEFAULT 'US' NOT NULL,
	`district_id` integer,
	`priorities` text,
	`opened_on` text NOT NULL,
	`closed_on` text,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `cases_student_idx` ON `cases` (`student_id`);--> statement-breakpoint
CREATE INDEX `cases_district_idx` ON `cases` (`district_id`);--> statement-breakpoint
CREATE INDEX `cases_stage_idx` ON `cases` (`stage`);--> statement-breakpoint
CREATE TABLE `case_contacts` (
	`case_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	PRIMARY KEY(`case_id`, `contact_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_contacts_contact_idx` ON `case_contacts` (`contact_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`organization` text,
	`district_id` integer,
	`email` text,
	`phone` text,
	`notes` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `contacts_district_idx` ON `contacts` (`district_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`occurred_on` text NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`details` text,
	`people` text,
	`contact_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `events_case_date_idx` ON `events` (`case_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `events_type_idx` ON `events` (`type`);--> statement-breakpoint
CREATE TABLE `document_contents` (
	`document_id` integer PRIMARY KEY NOT NULL,
	`content` blob NOT NULL,
	`text` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `document_events` (
	`document_id` integer NOT NULL,
	`event_id` integer NOT NULL,
	PRIMARY KEY(`document_id`, `event_id`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_events_event_idx` ON `document_events` (`event_id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`title` text NOT NULL,
	`document_date` text,
	`category` text DEFAULT 'other' NOT NULL,
	`author` text,
	`mime_type` text NOT NULL,
	`original_name` text,
	`size_bytes` integer NOT NULL,
	`page_count` integer,
	`sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `documents_case_idx` ON `documents` (`case_id`);--> statement-breakpoint
CREATE TABLE `meeting_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`who` text NOT NULL,
	`what` text NOT NULL,
	`due_on` text,
	`task_id` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_decisions_meeting_idx` ON `meeting_decisions` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`type` text NOT NULL,
	`held_at` text NOT NULL,
	`place` text,
	`attendees` text DEFAULT '[]' NOT NULL,
	`agenda` text,
	`preparation` text,
	`parent_concerns` text,
	`notes` text,
	`follow_up_sent_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meetings_case_idx` ON `meetings` (`case_id`,`held_at`);--> statement-breakpoint
CREATE TABLE `iee_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`disputed_evaluation` text NOT NULL,
	`disputed_evaluation_on` text,
	`areas` text DEFAULT '[]' NOT NULL,
	`requested_on` text NOT NULL,
	`district_response` text DEFAULT 'none_yet' NOT NULL,
	`responded_on` text,
	`evaluator_contact_id` integer,
	`evaluator_name` text,
	`cost_criteria` text,
	`report_received_on` text,
	`considered_at_meeting_id` integer,
	`silence_threshold_business_days` integer DEFAULT 10 NOT NULL,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`evaluator_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`considered_at_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `iee_requests_case_idx` ON `iee_requests` (`case_id`);--> statement-breakpoint
CREATE TABLE `agreement_terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`category` text NOT NULL,
	`description` text NOT NULL,
	`schedule` text NOT NULL,
	`amount` real,
	`unit` text,
	`period` text,
	`provider` text,
	`location` text,
	`starts_on` text,
	`ends_on` text,
	`makeup_rule` text,
	`makeup_deadline` text,
	`review_dates` text DEFAULT '[]' NOT NULL,
	`goal` text,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agreement_terms_agreement_idx` ON `agreement_terms` (`agreement_id`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`signed_on` text,
	`parties` text,
	`source_document_id` integer,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `agreements_case_idx` ON `agreements` (`case_id`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`term_id` integer NOT NULL,
	`delivered_on` text NOT NULL,
	`minutes` integer,
	`count` integer,
	`provider` text,
	`status` text NOT NULL,
	`note` text,
	`evidence_document_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`term_id`) REFERENCES `agreement_terms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`evidence_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `deliveries_term_date_idx` ON `deliveries` (`term_id`,`delivered_on`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`rule_id` text,
	`trigger_key` text,
	`title` text NOT NULL,
	`due_on` text,
	`owner` text,
	`status` text DEFAULT 'open' NOT NULL,
	`snoozed_until` text,
	`snooze_reason` text,
	`completed_at` text,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tasks_case_idx` ON `tasks` (`case_id`);--> statement-breakpoint
CREATE INDEX `tasks_due_idx` ON `tasks` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `time_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`worked_on` text NOT NULL,
	`started_at` text,
	`ended_at` text,
	`minutes` integer NOT NULL,
	`description` text,
	`is_billable` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `time_entries_case_idx` ON `time_entries` (`case_id`,`worked_on`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`family_id` integer,
	`detail` text,
	`previous_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_family_idx` ON `audit_log` (`family_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
