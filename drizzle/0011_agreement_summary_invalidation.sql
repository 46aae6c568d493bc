-- Stored agreement summaries (0009) stay correct because every change to what an agreement's
-- compliance is computed from deletes its summary here, in the writer's own transaction; the next
-- read recomputes that agreement alone (src/main/services/agreements/agreement-summaries.ts).
-- The agreement itself and its terms.
CREATE TRIGGER `agreements_update_summaries` AFTER UPDATE ON `agreements` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` = NEW.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `agreement_terms_insert_summaries` AFTER INSERT ON `agreement_terms` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` = NEW.`agreement_id`; END;
--> statement-breakpoint
CREATE TRIGGER `agreement_terms_update_summaries` AFTER UPDATE ON `agreement_terms` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` = OLD.`agreement_id`; DELETE FROM `agreement_summaries` WHERE `agreement_id` = NEW.`agreement_id`; END;
--> statement-breakpoint
CREATE TRIGGER `agreement_terms_delete_summaries` AFTER DELETE ON `agreement_terms` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` = OLD.`agreement_id`; END;
--> statement-breakpoint
-- Log lines: the agreement of their term.
CREATE TRIGGER `deliveries_insert_summaries` AFTER INSERT ON `deliveries` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` = (SELECT `agreement_id` FROM `agreement_terms` WHERE `id` = NEW.`term_id`); END;
--> statement-breakpoint
CREATE TRIGGER `deliveries_update_summaries` AFTER UPDATE ON `deliveries` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` = (SELECT `agreement_id` FROM `agreement_terms` WHERE `id` = OLD.`term_id`); DELETE FROM `agreement_summaries` WHERE `agreement_id` = (SELECT `agreement_id` FROM `agreement_terms` WHERE `id` = NEW.`term_id`); END;
--> statement-breakpoint
CREATE TRIGGER `deliveries_delete_summaries` AFTER DELETE ON `deliveries` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` = (SELECT `agreement_id` FROM `agreement_terms` WHERE `id` = OLD.`term_id`); END;
--> statement-breakpoint
-- The case (archiving, its district) and the student's district.
CREATE TRIGGER `cases_update_summaries` AFTER UPDATE ON `cases` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT `id` FROM `agreements` WHERE `case_id` = NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `students_update_summaries` AFTER UPDATE OF `district_id` ON `students` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` WHERE c.`student_id` = NEW.`id`); END;
--> statement-breakpoint
-- The district's calendar: school years, closures, grading periods.
CREATE TRIGGER `school_calendars_insert_summaries` AFTER INSERT ON `school_calendars` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = NEW.`district_id`); END;
--> statement-breakpoint
CREATE TRIGGER `school_calendars_update_summaries` AFTER UPDATE ON `school_calendars` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = OLD.`district_id`); DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = NEW.`district_id`); END;
--> statement-breakpoint
CREATE TRIGGER `school_calendars_delete_summaries` AFTER DELETE ON `school_calendars` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = OLD.`district_id`); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_closures_insert_summaries` AFTER INSERT ON `calendar_closures` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = (SELECT `district_id` FROM `school_calendars` WHERE `id` = NEW.`calendar_id`)); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_closures_update_summaries` AFTER UPDATE ON `calendar_closures` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = (SELECT `district_id` FROM `school_calendars` WHERE `id` = OLD.`calendar_id`)); DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = (SELECT `district_id` FROM `school_calendars` WHERE `id` = NEW.`calendar_id`)); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_closures_delete_summaries` AFTER DELETE ON `calendar_closures` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = (SELECT `district_id` FROM `school_calendars` WHERE `id` = OLD.`calendar_id`)); END;
--> statement-breakpoint
CREATE TRIGGER `grading_periods_insert_summaries` AFTER INSERT ON `grading_periods` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = (SELECT `district_id` FROM `school_calendars` WHERE `id` = NEW.`calendar_id`)); END;
--> statement-breakpoint
CREATE TRIGGER `grading_periods_update_summaries` AFTER UPDATE ON `grading_periods` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = (SELECT `district_id` FROM `school_calendars` WHERE `id` = OLD.`calendar_id`)); DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = (SELECT `district_id` FROM `school_calendars` WHERE `id` = NEW.`calendar_id`)); END;
--> statement-breakpoint
CREATE TRIGGER `grading_periods_delete_summaries` AFTER DELETE ON `grading_periods` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT a.`id` FROM `agreements` a JOIN `cases` c ON c.`id` = a.`case_id` JOIN `students` s ON s.`id` = c.`student_id` WHERE coalesce(c.`district_id`, s.`district_id`) = (SELECT `district_id` FROM `school_calendars` WHERE `id` = OLD.`calendar_id`)); END;
--> statement-breakpoint
-- Meetings meet review dates: the meetings prepared in the app and meetings logged on the timeline.
CREATE TRIGGER `meetings_insert_summaries` AFTER INSERT ON `meetings` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT `id` FROM `agreements` WHERE `case_id` = NEW.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `meetings_update_summaries` AFTER UPDATE ON `meetings` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT `id` FROM `agreements` WHERE `case_id` = OLD.`case_id`); DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT `id` FROM `agreements` WHERE `case_id` = NEW.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `meetings_delete_summaries` AFTER DELETE ON `meetings` BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT `id` FROM `agreements` WHERE `case_id` = OLD.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `events_insert_summaries` AFTER INSERT ON `events` WHEN NEW.`type` IN ('iep_meeting', 'meeting', 'mediation', 'resolution_meeting') BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT `id` FROM `agreements` WHERE `case_id` = NEW.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `events_update_summaries` AFTER UPDATE ON `events` WHEN OLD.`type` IN ('iep_meeting', 'meeting', 'mediation', 'resolution_meeting') OR NEW.`type` IN ('iep_meeting', 'meeting', 'mediation', 'resolution_meeting') BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT `id` FROM `agreements` WHERE `case_id` = OLD.`case_id`); DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT `id` FROM `agreements` WHERE `case_id` = NEW.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `events_delete_summaries` AFTER DELETE ON `events` WHEN OLD.`type` IN ('iep_meeting', 'meeting', 'mediation', 'resolution_meeting') BEGIN DELETE FROM `agreement_summaries` WHERE `agreement_id` IN (SELECT `id` FROM `agreements` WHERE `case_id` = OLD.`case_id`); END;
--> statement-breakpoint
-- The advocate's compliance thresholds: every agreement.
CREATE TRIGGER `settings_insert_summaries` AFTER INSERT ON `settings` WHEN NEW.`key` = 'compliance.thresholds' BEGIN DELETE FROM `agreement_summaries`; END;
--> statement-breakpoint
CREATE TRIGGER `settings_update_summaries` AFTER UPDATE ON `settings` WHEN OLD.`key` = 'compliance.thresholds' OR NEW.`key` = 'compliance.thresholds' BEGIN DELETE FROM `agreement_summaries`; END;
--> statement-breakpoint
CREATE TRIGGER `settings_delete_summaries` AFTER DELETE ON `settings` WHEN OLD.`key` = 'compliance.thresholds' BEGIN DELETE FROM `agreement_summaries`; END;
