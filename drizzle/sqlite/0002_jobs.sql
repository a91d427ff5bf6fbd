CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`job_key` text NOT NULL,
	`request` text NOT NULL,
	`progress` real NOT NULL,
	`runs_done` integer NOT NULL,
	`runs_total` integer NOT NULL,
	`result` text,
	`error` text,
	`created_at` text NOT NULL,
	`started_at` text,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `jobs_created_at_idx` ON `jobs` (`created_at`);--> statement-breakpoint
CREATE INDEX `jobs_job_key_idx` ON `jobs` (`job_key`,`state`);