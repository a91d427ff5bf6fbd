CREATE TABLE `backtest_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`request_hash` text NOT NULL,
	`request` text NOT NULL,
	`result` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `backtest_runs_request_hash_uq` ON `backtest_runs` (`request_hash`);--> statement-breakpoint
CREATE INDEX `backtest_runs_created_at_idx` ON `backtest_runs` (`created_at`);--> statement-breakpoint
CREATE TABLE `corporate_actions` (
	`ticker` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`ticker`, `date`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `coverage` (
	`ticker` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`ticker`, `from_date`)
);
--> statement-breakpoint
CREATE TABLE `price_bars` (
	`ticker` text NOT NULL,
	`date` text NOT NULL,
	`open` real NOT NULL,
	`high` real NOT NULL,
	`low` real NOT NULL,
	`close` real NOT NULL,
	`adj_close` real NOT NULL,
	`volume` real NOT NULL,
	PRIMARY KEY(`ticker`, `date`)
);
--> statement-breakpoint
CREATE INDEX `price_bars_date_idx` ON `price_bars` (`date`);