ALTER TABLE "monitoring_vacancies" ADD COLUMN "stopped_at" timestamp with time zone;--> statement-breakpoint
-- The vacancy and seeker windows changed: the rollup is emptied and recounts the whole log at start.
DELETE FROM "monitoring_daily";--> statement-breakpoint
DELETE FROM "monitoring_daily_districts";--> statement-breakpoint
DELETE FROM "monitoring_vacancies";--> statement-breakpoint
DELETE FROM "monitoring_seeker_spells";--> statement-breakpoint
DELETE FROM "monitoring_cursors" WHERE "name" = 'monitoring';
