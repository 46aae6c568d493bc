-- Full-text search inside the encrypted vault (issue 6), kept up to date by the database itself.
--
-- search_documents holds one row per searchable record (kind + entity_id), with the case and family
-- it belongs to and its text; search_index is an FTS5 index over it (external content, so the text
-- is stored once). Each kind's text is defined once, by a view search_source_<kind>; triggers on
-- the source tables upsert from that view or delete, and triggers on search_documents keep the
-- index in step. Foreign-key cascades fire these delete triggers (a purge removes every row), and
-- FTS5 'secure-delete' removes a deleted row's terms from the index b-tree instead of leaving them
-- in older segments until a merge, so purged words do not linger (with PRAGMA secure_delete
-- zeroing the freed pages).
--
-- A later migration that rebuilds one of the source tables (drizzle's __new_<table> copy and
-- rename) drops that table's triggers: it must recreate them from this file, and the search tests
-- check that every trigger exists.
CREATE TABLE `search_documents` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`entity_id` integer NOT NULL,
	`case_id` integer,
	`family_id` integer,
	`title` text,
	`body` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_documents_entity_idx` ON `search_documents` (`kind`, `entity_id`);
--> statement-breakpoint
CREATE INDEX `search_documents_case_idx` ON `search_documents` (`case_id`);
--> statement-breakpoint
CREATE INDEX `search_documents_family_idx` ON `search_documents` (`family_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(
	kind UNINDEXED, title, body, entity_id UNINDEXED, case_id UNINDEXED, family_id UNINDEXED,
	content = 'search_documents', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO `search_index` (`search_index`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
-- A word in a title counts four times one in the body.
INSERT INTO `search_index` (`search_index`, `rank`) VALUES ('rank', 'bm25(0.0, 4.0, 1.0, 0.0, 0.0, 0.0)');
--> statement-breakpoint
CREATE VIEW `search_source_families` AS
SELECT 'family' AS kind, f.id AS entity_id, NULL AS case_id, f.id AS family_id, f.name AS title,
       concat_ws(' ', f.notes, f.email) AS body
  FROM families f;
--> statement-breakpoint
CREATE VIEW `search_source_guardians` AS
SELECT 'guardian' AS kind, g.id AS entity_id, NULL AS case_id, g.family_id AS family_id, g.name AS title,
       concat_ws(' ', g.relationship, g.email) AS body
  FROM guardians g;
--> statement-breakpoint
CREATE VIEW `search_source_students` AS
SELECT 'student' AS kind, s.id AS entity_id, NULL AS case_id, s.family_id AS family_id,
       s.first_name || ' ' || s.last_name AS title,
       concat_ws(' ', s.school, replace(s.eligibility_category, '_', ' ')) AS body
  FROM students s;
--> statement-breakpoint
CREATE VIEW `search_source_cases` AS
SELECT 'case' AS kind, c.id AS entity_id, c.id AS case_id, s.family_id AS family_id, c.title AS title,
       concat_ws(' ',
         CASE WHEN json_valid(c.issues) THEN (SELECT group_concat(i.value, ' ') FROM json_each(c.issues) i WHERE i.type = 'text') END,
         c.priorities) AS body
  FROM cases c LEFT JOIN students s ON s.id = c.student_id;
--> statement-breakpoint
CREATE VIEW `search_source_events` AS
SELECT 'event' AS kind, e.id AS entity_id, e.case_id AS case_id, s.family_id AS family_id, e.title AS title,
       concat_ws(' ', e.details, e.people) AS body
  FROM events e LEFT JOIN cases c ON c.id = e.case_id LEFT JOIN students s ON s.id = c.student_id;
--> statement-breakpoint
CREATE VIEW `search_source_meetings` AS
SELECT 'meeting' AS kind, m.id AS entity_id, m.case_id AS case_id, s.family_id AS family_id,
       CASE m.type
         WHEN 'iep_meeting' THEN 'IEP meeting'
         WHEN 'resolution_session' THEN 'Resolution session'
         WHEN 'mediation' THEN 'Mediation'
         ELSE 'Meeting'
       END || ' ' || substr(m.held_at, 1, 10) AS title,
       concat_ws(' ', m.place, m.agenda, m.notes, m.parent_concerns,
         CASE WHEN json_valid(m.attendees) THEN (SELECT group_concat(json_extract(a.value, '$.name'), ' ') FROM json_each(m.attendees) a WHERE a.type = 'object') END,
         CASE WHEN json_valid(m.preparation) THEN (SELECT group_concat(p.value, ' ') FROM json_tree(m.preparation) p WHERE p.type = 'text') END) AS body
  FROM meetings m LEFT JOIN cases c ON c.id = m.case_id LEFT JOIN students s ON s.id = c.student_id;
--> statement-breakpoint
CREATE VIEW `search_source_decisions` AS
SELECT 'decision' AS kind, d.id AS entity_id, m.case_id AS case_id, s.family_id AS family_id, d.what AS title, d.who AS body
  FROM meeting_decisions d
  LEFT JOIN meetings m ON m.id = d.meeting_id LEFT JOIN cases c ON c.id = m.case_id LEFT JOIN students s ON s.id = c.student_id;
--> statement-breakpoint
CREATE VIEW `search_source_documents` AS
SELECT 'document' AS kind, d.id AS entity_id, d.case_id AS case_id, s.family_id AS family_id, d.title AS title,
       concat_ws(' ', d.author, d.original_name, dc.text) AS body
  FROM documents d
  LEFT JOIN document_contents dc ON dc.document_id = d.id
  LEFT JOIN cases c ON c.id = d.case_id LEFT JOIN students s ON s.id = c.student_id;
--> statement-breakpoint
CREATE VIEW `search_source_contacts` AS
SELECT 'contact' AS kind, k.id AS entity_id, NULL AS case_id, NULL AS family_id, k.name AS title,
       concat_ws(' ', replace(k.role, '_', ' '), k.organization, k.email, k.notes) AS body
  FROM contacts k;
--> statement-breakpoint
-- Backfill what the vault already holds, then build the index in one pass.
INSERT INTO `search_documents` (kind, entity_id, case_id, family_id, title, body)
SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_families
UNION ALL SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_guardians
UNION ALL SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_students
UNION ALL SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_cases
UNION ALL SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_events
UNION ALL SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_meetings
UNION ALL SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_decisions
UNION ALL SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_documents
UNION ALL SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_contacts;
--> statement-breakpoint
INSERT INTO `search_index` (`search_index`) VALUES ('rebuild');
--> statement-breakpoint
-- search_documents -> search_index (the external-content pattern: a delete names the old values).
CREATE TRIGGER `search_documents_ai` AFTER INSERT ON `search_documents` BEGIN
  INSERT INTO search_index (rowid, kind, title, body, entity_id, case_id, family_id)
  VALUES (new.id, new.kind, new.title, new.body, new.entity_id, new.case_id, new.family_id);
END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_ad` AFTER DELETE ON `search_documents` BEGIN
  INSERT INTO search_index (search_index, rowid, kind, title, body, entity_id, case_id, family_id)
  VALUES ('delete', old.id, old.kind, old.title, old.body, old.entity_id, old.case_id, old.family_id);
END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_au` AFTER UPDATE OF title, body ON `search_documents`
WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
  INSERT INTO search_index (search_index, rowid, kind, title, body, entity_id, case_id, family_id)
  VALUES ('delete', old.id, old.kind, old.title, old.body, old.entity_id, old.case_id, old.family_id);
  INSERT INTO search_index (rowid, kind, title, body, entity_id, case_id, family_id)
  VALUES (new.id, new.kind, new.title, new.body, new.entity_id, new.case_id, new.family_id);
END;
--> statement-breakpoint
-- families
CREATE TRIGGER `search_families_ai` AFTER INSERT ON `families` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_families WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_families_au` AFTER UPDATE OF name, notes, email ON `families` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_families WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
-- Everything of the family goes, whatever order the cascades run in.
CREATE TRIGGER `search_families_ad` AFTER DELETE ON `families` BEGIN
  DELETE FROM search_documents WHERE family_id = old.id;
END;
--> statement-breakpoint
-- guardians
CREATE TRIGGER `search_guardians_ai` AFTER INSERT ON `guardians` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_guardians WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_guardians_au` AFTER UPDATE OF name, relationship, email, family_id ON `guardians` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_guardians WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_guardians_ad` AFTER DELETE ON `guardians` BEGIN
  DELETE FROM search_documents WHERE kind = 'guardian' AND entity_id = old.id;
END;
--> statement-breakpoint
-- students
CREATE TRIGGER `search_students_ai` AFTER INSERT ON `students` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_students WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_students_au` AFTER UPDATE OF first_name, last_name, school, eligibility_category, family_id ON `students` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_students WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
  UPDATE search_documents SET family_id = new.family_id
   WHERE old.family_id IS NOT new.family_id AND case_id IN (SELECT id FROM cases WHERE student_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `search_students_ad` AFTER DELETE ON `students` BEGIN
  DELETE FROM search_documents WHERE kind = 'student' AND entity_id = old.id;
END;
--> statement-breakpoint
-- cases
CREATE TRIGGER `search_cases_ai` AFTER INSERT ON `cases` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_cases WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_cases_au` AFTER UPDATE OF title, issues, priorities, student_id ON `cases` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_cases WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
  UPDATE search_documents SET family_id = (SELECT family_id FROM students WHERE id = new.student_id)
   WHERE old.student_id IS NOT new.student_id AND case_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_cases_ad` AFTER DELETE ON `cases` BEGIN
  DELETE FROM search_documents WHERE case_id = old.id;
END;
--> statement-breakpoint
-- events
CREATE TRIGGER `search_events_ai` AFTER INSERT ON `events` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_events WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_events_au` AFTER UPDATE OF title, details, people, case_id ON `events` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_events WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_events_ad` AFTER DELETE ON `events` BEGIN
  DELETE FROM search_documents WHERE kind = 'event' AND entity_id = old.id;
END;
--> statement-breakpoint
-- meetings
CREATE TRIGGER `search_meetings_ai` AFTER INSERT ON `meetings` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_meetings WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_meetings_au` AFTER UPDATE OF type, held_at, place, attendees, agenda, preparation, parent_concerns, notes, case_id ON `meetings` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_meetings WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
  UPDATE search_documents SET case_id = new.case_id, family_id = (SELECT family_id FROM search_documents WHERE kind = 'meeting' AND entity_id = new.id)
   WHERE old.case_id IS NOT new.case_id AND kind = 'decision' AND entity_id IN (SELECT id FROM meeting_decisions WHERE meeting_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `search_meetings_ad` AFTER DELETE ON `meetings` BEGIN
  DELETE FROM search_documents WHERE kind = 'meeting' AND entity_id = old.id;
END;
--> statement-breakpoint
-- meeting decisions
CREATE TRIGGER `search_decisions_ai` AFTER INSERT ON `meeting_decisions` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_decisions WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_decisions_au` AFTER UPDATE OF who, what, meeting_id ON `meeting_decisions` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_decisions WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_decisions_ad` AFTER DELETE ON `meeting_decisions` BEGIN
  DELETE FROM search_documents WHERE kind = 'decision' AND entity_id = old.id;
END;
--> statement-breakpoint
-- documents, and their extracted text (stored in a separate row, written after the document's)
CREATE TRIGGER `search_documents_table_ai` AFTER INSERT ON `documents` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_documents WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_table_au` AFTER UPDATE OF title, author, original_name, case_id ON `documents` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_documents WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_table_ad` AFTER DELETE ON `documents` BEGIN
  DELETE FROM search_documents WHERE kind = 'document' AND entity_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_document_contents_ai` AFTER INSERT ON `document_contents` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_documents WHERE entity_id = new.document_id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_document_contents_au` AFTER UPDATE OF text ON `document_contents` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_documents WHERE entity_id = new.document_id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
-- When only the text goes, the document stays findable by its title; when the document goes
-- too, the view has no row and this changes nothing.
CREATE TRIGGER `search_document_contents_ad` AFTER DELETE ON `document_contents` BEGIN
  UPDATE search_documents
     SET body = (SELECT body FROM search_source_documents WHERE entity_id = old.document_id)
   WHERE kind = 'document' AND entity_id = old.document_id;
END;
--> statement-breakpoint
-- contacts (the shared directory: no case, no family)
CREATE TRIGGER `search_contacts_ai` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_contacts WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_contacts_au` AFTER UPDATE OF name, role, organization, email, notes ON `contacts` BEGIN
  INSERT INTO search_documents (kind, entity_id, case_id, family_id, title, body)
  SELECT kind, entity_id, case_id, family_id, title, body FROM search_source_contacts WHERE entity_id = new.id
  ON CONFLICT (kind, entity_id) DO UPDATE SET case_id = excluded.case_id, family_id = excluded.family_id, title = excluded.title, body = excluded.body;
END;
--> statement-breakpoint
CREATE TRIGGER `search_contacts_ad` AFTER DELETE ON `contacts` BEGIN
  DELETE FROM search_documents WHERE kind = 'contact' AND entity_id = old.id;
END;
