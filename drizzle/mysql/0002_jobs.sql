CREATE TABLE `jobs` (
	`id` varchar(64) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`state` varchar(16) NOT NULL,
	`job_key` varchar(64) NOT NULL,
	`request` text NOT NULL,
	`progress` double NOT NULL,
	`runs_done` int NOT NULL,
	`runs_total` int NOT NULL,
	`result` longtext,
	`error` text,
	`created_at` datetime(3) NOT NULL,
	`started_at` datetime(3),
	`finished_at` datetime(3),
	CONSTRAINT `jobs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `jobs_created_at_idx` ON `jobs` (`created_at`);--> statement-breakpoint
CREATE INDEX `jobs_job_key_idx` ON `jobs` (`job_key`,`state`);