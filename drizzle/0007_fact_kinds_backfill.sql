-- Facts carried over from before kinds: each gets a kind. Where the timing makes it clear the
-- kind is confirmed; where it is ambiguous it stays unconfirmed (kind_confirmed = 0): the case
-- lists it for review and the engine computes with the reading that gives the earlier deadline.

-- An IEP meeting with no other IEP meeting in the 300 days before it reads as annual; one that
-- falls inside a year of the previous one may be an amendment, review or IEE meeting: guessed
-- 'amendment' (it then moves no annual review, the earlier deadline) and left unconfirmed.
UPDATE `events` SET
  `kind` = CASE WHEN EXISTS (SELECT 1 FROM `events` p WHERE p.`case_id` = `events`.`case_id` AND p.`type` = 'iep_meeting'
      AND p.`occurred_on` < `events`.`occurred_on` AND p.`occurred_on` > date(`events`.`occurred_on`, '-300 days')) THEN 'amendment' ELSE 'annual' END,
  `kind_confirmed` = CASE WHEN EXISTS (SELECT 1 FROM `events` p WHERE p.`case_id` = `events`.`case_id` AND p.`type` = 'iep_meeting'
      AND p.`occurred_on` < `events`.`occurred_on` AND p.`occurred_on` > date(`events`.`occurred_on`, '-300 days')) THEN 0 ELSE 1 END
WHERE `type` = 'iep_meeting' AND `kind` IS NULL;
--> statement-breakpoint
-- An eligibility decision is initial when nothing on the case (an earlier decision or IEP meeting) shows the child already had an IEP.
UPDATE `events` SET `kind` = CASE WHEN EXISTS (SELECT 1 FROM `events` p WHERE p.`case_id` = `events`.`case_id`
    AND p.`type` IN ('eligibility_decision', 'iep_meeting') AND p.`occurred_on` < `events`.`occurred_on`) THEN 'continued' ELSE 'initial' END
WHERE `type` = 'eligibility_decision' AND `kind` IS NULL;
--> statement-breakpoint
UPDATE `events` SET `kind` = CASE WHEN EXISTS (SELECT 1 FROM `events` p WHERE p.`case_id` = `events`.`case_id`
    AND p.`type` IN ('eligibility_decision', 'iep_meeting') AND p.`occurred_on` < `events`.`occurred_on`) THEN 'reevaluation' ELSE 'initial' END
WHERE `type` = 'consent_to_evaluate' AND `kind` IS NULL;
--> statement-breakpoint
-- "Evaluation completed" was used for IEEs, private reports and FBAs too: always ambiguous.
UPDATE `events` SET `kind_confirmed` = 0, `kind` = CASE WHEN EXISTS (SELECT 1 FROM `events` p WHERE p.`case_id` = `events`.`case_id`
    AND p.`type` IN ('eligibility_decision', 'iep_meeting') AND p.`occurred_on` < `events`.`occurred_on`) THEN 'reevaluation' ELSE 'initial' END
WHERE `type` = 'evaluation' AND `kind` IS NULL;
--> statement-breakpoint
-- Who filed was never recorded: guessed 'parent' (the reading with the resolution clocks).
UPDATE `events` SET `kind` = 'parent', `kind_confirmed` = 0 WHERE `type` = 'due_process_filed' AND `kind` IS NULL;
--> statement-breakpoint
-- A removal's school days and placement decision were never recorded: read as a possible change of placement until confirmed.
UPDATE `events` SET `kind_confirmed` = 0 WHERE `type` = 'disciplinary_removal';
--> statement-breakpoint
-- The students table's IEP dates become facts on the student's cases (the dates are derived from now on).
INSERT INTO `events` (`case_id`, `occurred_on`, `type`, `kind`, `kind_confirmed`, `title`)
SELECT c.`id`, s.`iep_meeting_on`, 'iep_meeting', 'annual', 0, 'IEP meeting (from the student record)'
  FROM `students` s JOIN `cases` c ON c.`student_id` = s.`id`
 WHERE s.`iep_meeting_on` IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM `events` e WHERE e.`case_id` = c.`id` AND e.`type` = 'iep_meeting' AND e.`occurred_on` = s.`iep_meeting_on`);
--> statement-breakpoint
INSERT INTO `events` (`case_id`, `occurred_on`, `type`, `kind`, `kind_confirmed`, `title`)
SELECT c.`id`, date(s.`annual_review_due_on`, '-1 year'), 'iep_meeting', 'annual', 0, 'IEP meeting (from the annual review date on the student record)'
  FROM `students` s JOIN `cases` c ON c.`student_id` = s.`id`
 WHERE s.`annual_review_due_on` IS NOT NULL AND s.`iep_meeting_on` IS NULL
   AND NOT EXISTS (SELECT 1 FROM `events` e WHERE e.`case_id` = c.`id` AND e.`type` = 'iep_meeting' AND e.`occurred_on` = date(s.`annual_review_due_on`, '-1 year'));
--> statement-breakpoint
INSERT INTO `events` (`case_id`, `occurred_on`, `type`, `kind`, `kind_confirmed`, `title`)
SELECT c.`id`, date(s.`triennial_due_on`, '-3 years'), 'eligibility_decision', 'continued', 0, 'Reevaluation determination (from the triennial date on the student record)'
  FROM `students` s JOIN `cases` c ON c.`student_id` = s.`id`
 WHERE s.`triennial_due_on` IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM `events` e WHERE e.`case_id` = c.`id` AND e.`type` = 'eligibility_decision' AND e.`occurred_on` = date(s.`triennial_due_on`, '-3 years'));
--> statement-breakpoint
-- A meeting row and a timeline event of the same meeting become one record: linked when exactly one of each matches.
UPDATE `meetings` SET `event_id` = (
  SELECT e.`id` FROM `events` e WHERE e.`case_id` = `meetings`.`case_id` AND e.`occurred_on` = substr(`meetings`.`held_at`, 1, 10)
     AND e.`type` = CASE `meetings`.`type` WHEN 'iep_meeting' THEN 'iep_meeting' ELSE 'resolution_meeting' END)
WHERE `event_id` IS NULL AND `type` IN ('iep_meeting', 'resolution_session')
  AND (SELECT count(*) FROM `events` e WHERE e.`case_id` = `meetings`.`case_id` AND e.`occurred_on` = substr(`meetings`.`held_at`, 1, 10)
     AND e.`type` = CASE `meetings`.`type` WHEN 'iep_meeting' THEN 'iep_meeting' ELSE 'resolution_meeting' END) = 1
  AND (SELECT count(*) FROM `meetings` m WHERE m.`case_id` = `meetings`.`case_id` AND substr(m.`held_at`, 1, 10) = substr(`meetings`.`held_at`, 1, 10) AND m.`type` = `meetings`.`type`) = 1;
--> statement-breakpoint
-- Meetings with no matching event get one (the kind of an IEP meeting is unknown: unconfirmed).
INSERT INTO `events` (`case_id`, `occurred_on`, `type`, `kind`, `kind_confirmed`, `title`, `attributes`)
SELECT m.`case_id`, substr(m.`held_at`, 1, 10), CASE m.`type` WHEN 'iep_meeting' THEN 'iep_meeting' ELSE 'resolution_meeting' END,
       CASE m.`type` WHEN 'iep_meeting' THEN 'annual' ELSE NULL END, CASE m.`type` WHEN 'iep_meeting' THEN 0 ELSE 1 END,
       CASE m.`type` WHEN 'iep_meeting' THEN 'IEP meeting' ELSE 'Resolution meeting' END, json_object('migratedMeetingId', m.`id`)
  FROM `meetings` m WHERE m.`event_id` IS NULL AND m.`type` IN ('iep_meeting', 'resolution_session');
--> statement-breakpoint
UPDATE `meetings` SET `event_id` = (SELECT e.`id` FROM `events` e WHERE json_extract(e.`attributes`, '$.migratedMeetingId') = `meetings`.`id`)
WHERE `event_id` IS NULL AND `type` IN ('iep_meeting', 'resolution_session');
--> statement-breakpoint
UPDATE `events` SET `attributes` = NULL WHERE json_extract(`attributes`, '$.migratedMeetingId') IS NOT NULL;
--> statement-breakpoint
-- A derived deadline marked done was met: the day it was marked is the best date known (editable).
UPDATE `tasks` SET `met_on` = substr(`completed_at`, 1, 10) WHERE `status` = 'done' AND `completed_at` IS NOT NULL;
