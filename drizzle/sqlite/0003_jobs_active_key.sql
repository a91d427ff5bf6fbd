ALTER TABLE `jobs` ADD `active_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_active_key_idx` ON `jobs` (`active_key`);