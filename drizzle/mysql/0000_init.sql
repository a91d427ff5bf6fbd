CREATE TABLE `backtest_runs` (
	`id` varchar(64) NOT NULL,
	`request_hash` varchar(128) NOT NULL,
	`request` text NOT NULL,
	`result` longtext NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `backtest_runs_id` PRIMARY KEY(`id`),
	CONSTRAINT `backtest_runs_request_hash_uq` UNIQUE(`request_hash`)
);
--> statement-breakpoint
CREATE TABLE `corporate_actions` (
	`ticker` varchar(32) NOT NULL,
	`date` date NOT NULL,
	`kind` varchar(16) NOT NULL,
	`value` double NOT NULL,
	CONSTRAINT `corporate_actions_ticker_date_kind_pk` PRIMARY KEY(`ticker`,`date`,`kind`)
);
--> statement-breakpoint
CREATE TABLE `coverage` (
	`ticker` varchar(32) NOT NULL,
	`from_date` date NOT NULL,
	`to_date` date NOT NULL,
	`fetched_at` bigint NOT NULL,
	CONSTRAINT `coverage_ticker_from_date_pk` PRIMARY KEY(`ticker`,`from_date`)
);
--> statement-breakpoint
CREATE TABLE `price_bars` (
	`ticker` varchar(32) NOT NULL,
	`date` date NOT NULL,
	`open` double NOT NULL,
	`high` double NOT NULL,
	`low` double NOT NULL,
	`close` double NOT NULL,
	`adj_close` double NOT NULL,
	`volume` double NOT NULL,
	CONSTRAINT `price_bars_ticker_date_pk` PRIMARY KEY(`ticker`,`date`)
);
--> statement-breakpoint
CREATE INDEX `backtest_runs_created_at_idx` ON `backtest_runs` (`created_at`);--> statement-breakpoint
CREATE INDEX `price_bars_date_idx` ON `price_bars` (`date`);