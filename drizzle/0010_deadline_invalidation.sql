-- Materialized deadlines (0009) stay correct because every change to what a case's deadlines are
-- computed from deletes that case's state row here, in the writer's own transaction; the next
-- read recomputes that case alone (src/main/services/deadlines/stored-deadlines.ts).
-- Timeline facts, claims, IEE requests and the advocate's marks: the case they belong to.
CREATE TRIGGER `events_insert_deadlines` AFTER INSERT ON `events` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = NEW.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `events_update_deadlines` AFTER UPDATE ON `events` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = OLD.`case_id`; DELETE FROM `case_deadline_states` WHERE `case_id` = NEW.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `events_delete_deadlines` AFTER DELETE ON `events` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = OLD.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `claims_insert_deadlines` AFTER INSERT ON `claims` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = NEW.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `claims_update_deadlines` AFTER UPDATE ON `claims` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = OLD.`case_id`; DELETE FROM `case_deadline_states` WHERE `case_id` = NEW.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `claims_delete_deadlines` AFTER DELETE ON `claims` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = OLD.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `iee_requests_insert_deadlines` AFTER INSERT ON `iee_requests` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = NEW.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `iee_requests_update_deadlines` AFTER UPDATE ON `iee_requests` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = OLD.`case_id`; DELETE FROM `case_deadline_states` WHERE `case_id` = NEW.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `iee_requests_delete_deadlines` AFTER DELETE ON `iee_requests` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = OLD.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `tasks_insert_deadlines` AFTER INSERT ON `tasks` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = NEW.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `tasks_update_deadlines` AFTER UPDATE ON `tasks` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = OLD.`case_id`; DELETE FROM `case_deadline_states` WHERE `case_id` = NEW.`case_id`; END;
--> statement-breakpoint
CREATE TRIGGER `tasks_delete_deadlines` AFTER DELETE ON `tasks` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = OLD.`case_id`; END;
--> statement-breakpoint
-- The case itself (stage, closing, archiving, jurisdiction, district): its rows go too, so a closed
-- case never lingers in the table (every row belongs to an open case).
CREATE TRIGGER `cases_update_deadlines` AFTER UPDATE ON `cases` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` = NEW.`id`; DELETE FROM `case_deadlines` WHERE `case_id` = NEW.`id`; END;
--> statement-breakpoint
-- The student's date of birth and district.
CREATE TRIGGER `students_update_deadlines` AFTER UPDATE OF `date_of_birth`, `district_id` ON `students`
BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT `id` FROM `cases` WHERE `student_id` = NEW.`id`); END;
--> statement-breakpoint
-- A district's calendar (school years and closures): every case counted on it.
CREATE TRIGGER `school_calendars_insert_deadlines` AFTER INSERT ON `school_calendars` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT c.`id` FROM `cases` c JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = NEW.`district_id`); END;
--> statement-breakpoint
CREATE TRIGGER `school_calendars_update_deadlines` AFTER UPDATE ON `school_calendars` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT c.`id` FROM `cases` c JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = OLD.`district_id`); DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT c.`id` FROM `cases` c JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = NEW.`district_id`); END;
--> statement-breakpoint
CREATE TRIGGER `school_calendars_delete_deadlines` AFTER DELETE ON `school_calendars` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT c.`id` FROM `cases` c JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = OLD.`district_id`); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_closures_insert_deadlines` AFTER INSERT ON `calendar_closures` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT c.`id` FROM `cases` c JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = (SELECT `district_id` FROM `school_calendars` WHERE `id` = NEW.`calendar_id`)); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_closures_update_deadlines` AFTER UPDATE ON `calendar_closures` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT c.`id` FROM `cases` c JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = (SELECT `district_id` FROM `school_calendars` WHERE `id` = OLD.`calendar_id`)); DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT c.`id` FROM `cases` c JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = (SELECT `district_id` FROM `school_calendars` WHERE `id` = NEW.`calendar_id`)); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_closures_delete_deadlines` AFTER DELETE ON `calendar_closures` BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT c.`id` FROM `cases` c JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = (SELECT `district_id` FROM `school_calendars` WHERE `id` = OLD.`calendar_id`)); END;
--> statement-breakpoint
-- A jurisdiction's rule overrides (settings 'jurisdiction:<code>'): every case under it.
CREATE TRIGGER `settings_insert_deadlines` AFTER INSERT ON `settings` WHEN NEW.`key` LIKE 'jurisdiction:%' BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT `id` FROM `cases` WHERE `jurisdiction` = substr(NEW.`key`, 14)); END;
--> statement-breakpoint
CREATE TRIGGER `settings_update_deadlines` AFTER UPDATE ON `settings` WHEN OLD.`key` LIKE 'jurisdiction:%' OR NEW.`key` LIKE 'jurisdiction:%' BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT `id` FROM `cases` WHERE `jurisdiction` = substr(OLD.`key`, 14)); DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT `id` FROM `cases` WHERE `jurisdiction` = substr(NEW.`key`, 14)); END;
--> statement-breakpoint
CREATE TRIGGER `settings_delete_deadlines` AFTER DELETE ON `settings` WHEN OLD.`key` LIKE 'jurisdiction:%' BEGIN DELETE FROM `case_deadline_states` WHERE `case_id` IN (SELECT `id` FROM `cases` WHERE `jurisdiction` = substr(OLD.`key`, 14)); END;
