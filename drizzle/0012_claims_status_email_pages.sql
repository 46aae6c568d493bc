ALTER TABLE `document_contents` ADD `pdf_rendition` blob;--> statement-breakpoint
ALTER TABLE `claims` ADD `proposed_resolution` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `status` text DEFAULT 'open' NOT NULL;