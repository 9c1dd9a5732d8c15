ALTER TABLE "monitoring_seeker_spells" ADD COLUMN "act_days" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
-- Active seekers are now those with an act inside the period: the rollup is emptied and recounts the whole log at start.
DELETE FROM "monitoring_daily";--> statement-breakpoint
DELETE FROM "monitoring_daily_districts";--> statement-breakpoint
DELETE FROM "monitoring_vacancies";--> statement-breakpoint
DELETE FROM "monitoring_seeker_spells";--> statement-breakpoint
DELETE FROM "monitoring_cursors" WHERE "name" = 'monitoring';
