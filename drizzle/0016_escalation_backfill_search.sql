-- Issue 17b: stage history begins with the stage every existing case has now (one first row per
-- case, source 'migrated', dated the day the case opened: the stage was current when history
-- began, the date it was set is unknown and the row says so).
INSERT INTO `case_stage_history` (`case_id`, `from_stage`, `to_stage`, `changed_on`, `reason`, `source`)
SELECT `id`, NULL, `stage`, `opened_on`, 'Stage recorded before stage history was kept', 'migrated' FROM `cases`;
--> statement-breakpoint
-- Position statements are searchable (kind 'position_statement'), kept by triggers like every
-- other kind (drizzle/0003_search_index.sql).
CREATE VIEW `search_source_position_statements` AS
SELECT 'position_statement' AS kind, p.case_id AS entity_id, p.case_id AS case_id, s.family_id AS family_id,
       'Position statement: ' || c.title AS title, p.text AS body
  FROM position_statements p
  LEFT JOIN cases c ON c.id = p.case_id LEFT JOIN students s ON s.id = c.student_id;
--> statement-breakpoint
CREATE TRIGGER `search_position_statements_ai` AFTER INSERT ON `position_statements` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_position_statements WHERE entity_id = new.case_id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_position_statements_au` AFTER UPDATE OF text ON `position_statements` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_position_statements WHERE entity_id = new.case_id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_position_statements_ad` AFTER DELETE ON `position_statements` BEGIN
  DELETE FROM search_documents WHERE kind = 'position_statement' AND entity_id = old.case_id;
END;
--> statement-breakpoint
-- The statement's search title carries the case's title.
CREATE TRIGGER `search_position_statements_case_au` AFTER UPDATE OF title, student_id ON `cases` BEGIN
  UPDATE search_documents SET title = 'Position statement: ' || new.title,
         family_id = (SELECT family_id FROM students WHERE id = new.student_id)
   WHERE kind = 'position_statement' AND entity_id = new.id;
END;
