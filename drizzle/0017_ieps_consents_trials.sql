CREATE TABLE `goal_progress` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`goal_id` integer NOT NULL,
	`measured_on` text NOT NULL,
	`value` real NOT NULL,
	`source` text NOT NULL,
	`document_id` integer,
	`district_rating` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `iep_goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `goal_progress_goal_idx` ON `goal_progress` (`goal_id`,`measured_on`);--> statement-breakpoint
CREATE TABLE `iep_goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`iep_id` integer NOT NULL,
	`area` text NOT NULL,
	`statement` text,
	`baseline` real NOT NULL,
	`target` real NOT NULL,
	`measure` text NOT NULL,
	`direction` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`iep_id`) REFERENCES `ieps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `iep_goals_iep_idx` ON `iep_goals` (`iep_id`);--> statement-breakpoint
CREATE TABLE `ieps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`event_id` integer,
	`start_on` text,
	`end_on` text,
	`accommodations` text,
	`agreement_id` integer,
	`document_id` integer,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ieps_case_idx` ON `ieps` (`case_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ieps_event_idx` ON `ieps` (`event_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`proposal_kind` text NOT NULL,
	`proposal` text NOT NULL,
	`meeting_id` integer,
	`presented_on` text NOT NULL,
	`taken_home_on` text,
	`decision` text DEFAULT 'pending' NOT NULL,
	`decided_on` text,
	`consented_parts` text,
	`withheld_parts` text,
	`disagreement_attached_on` text,
	`event_id` integer,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `consents_case_idx` ON `consents` (`case_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `consents_event_idx` ON `consents` (`event_id`);--> statement-breakpoint
CREATE TABLE `trial_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trial_id` integer NOT NULL,
	`measured_on` text NOT NULL,
	`value` real NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trial_entries_trial_idx` ON `trial_entries` (`trial_id`,`measured_on`);--> statement-breakpoint
CREATE TABLE `trials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`what` text NOT NULL,
	`start_on` text NOT NULL,
	`length_weeks` integer NOT NULL,
	`measure` text NOT NULL,
	`baseline` real NOT NULL,
	`target` real NOT NULL,
	`direction` text NOT NULL,
	`collected_by` text NOT NULL,
	`review_meeting_id` integer,
	`result` text DEFAULT 'pending' NOT NULL,
	`result_notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`review_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `trials_case_idx` ON `trials` (`case_id`);--> statement-breakpoint
-- Search covers goals and trials (the pattern of 0003_search_index.sql: one view per kind, triggers upsert or delete).
CREATE VIEW `search_source_goals` AS
SELECT 'goal' AS kind, g.id AS entity_id, i.case_id AS case_id, s.family_id AS family_id,
       g.area || ' goal' AS title,
       concat_ws(' ', g.statement, g.measure) AS body
  FROM iep_goals g
  LEFT JOIN ieps i ON i.id = g.iep_id LEFT JOIN cases c ON c.id = i.case_id LEFT JOIN students s ON s.id = c.student_id;
--> statement-breakpoint
CREATE VIEW `search_source_trials` AS
SELECT 'trial' AS kind, t.id AS entity_id, t.case_id AS case_id, s.family_id AS family_id, t.what AS title,
       concat_ws(' ', t.measure, t.collected_by, t.result_notes) AS body
  FROM trials t LEFT JOIN cases c ON c.id = t.case_id LEFT JOIN students s ON s.id = c.student_id;
--> statement-breakpoint
CREATE TRIGGER `search_goals_ai` AFTER INSERT ON `iep_goals` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_goals WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_goals_au` AFTER UPDATE OF area, statement, measure ON `iep_goals` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_goals WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_goals_ad` AFTER DELETE ON `iep_goals` BEGIN
  DELETE FROM search_documents WHERE kind = 'goal' AND entity_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_trials_ai` AFTER INSERT ON `trials` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_trials WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_trials_au` AFTER UPDATE OF what, measure, collected_by, result_notes ON `trials` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_trials WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_trials_ad` AFTER DELETE ON `trials` BEGIN
  DELETE FROM search_documents WHERE kind = 'trial' AND entity_id = old.id;
END;
