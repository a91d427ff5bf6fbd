ALTER TABLE `jobs` ADD `active_key` varchar(64);--> statement-breakpoint
ALTER TABLE `jobs` ADD CONSTRAINT `jobs_active_key_idx` UNIQUE(`active_key`);