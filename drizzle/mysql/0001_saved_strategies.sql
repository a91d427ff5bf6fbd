CREATE TABLE `saved_strategies` (
	`name_key` varchar(64) NOT NULL,
	`name` varchar(64) NOT NULL,
	`description` text NOT NULL,
	`rules` text NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `saved_strategies_name_key` PRIMARY KEY(`name_key`)
);
