ALTER TABLE `document_events` ADD `page` integer;--> statement-breakpoint
ALTER TABLE `documents` ADD `parent_document_id` integer REFERENCES documents(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `letter_kind` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `letter_to` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `letter_iee_request` text;--> statement-breakpoint
CREATE INDEX `documents_parent_idx` ON `documents` (`parent_document_id`);--> statement-breakpoint
-- Letters exported before this version: their kind is in the audit row written with them ('letter=<kind>;format=...'), so "Mark as sent" works for them too.
UPDATE `documents` SET `letter_kind` = (
  SELECT substr(a.`detail`, 8, instr(a.`detail`, ';') - 8) FROM `audit_log` a
  WHERE a.`entity` = 'document' AND a.`action` = 'create' AND a.`entity_id` = `documents`.`id` AND a.`detail` LIKE 'letter=%;%'
  ORDER BY a.`id` LIMIT 1
) WHERE `letter_kind` IS NULL;