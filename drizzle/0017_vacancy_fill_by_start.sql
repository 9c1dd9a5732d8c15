-- 岗位满足率 now counts the places held on the day each gig's work began, from the event log: the
-- rollup is emptied and recounts the whole log at start.
DELETE FROM "monitoring_daily";--> statement-breakpoint
DELETE FROM "monitoring_daily_districts";--> statement-breakpoint
DELETE FROM "monitoring_vacancies";--> statement-breakpoint
DELETE FROM "monitoring_seeker_spells";--> statement-breakpoint
DELETE FROM "monitoring_cursors" WHERE "name" = 'monitoring';--> statement-breakpoint
ALTER TABLE "monitoring_vacancies" ADD COLUMN "start_day" date NOT NULL;--> statement-breakpoint
ALTER TABLE "monitoring_vacancies" ADD COLUMN "filled_by_start" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "monitoring_vacancies" ADD COLUMN "withdrawn_by_start" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "monitoring_vacancies_start" ON "monitoring_vacancies" USING btree ("city_code","start_day");
