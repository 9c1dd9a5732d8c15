ALTER TABLE "worker_profiles" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "id_number_digest" text;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "id_number_masked" text;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "certificates" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "gigs" ADD COLUMN "required_sex" text DEFAULT 'any' NOT NULL;--> statement-breakpoint
ALTER TABLE "gigs" ADD COLUMN "required_age_band" text DEFAULT 'any' NOT NULL;--> statement-breakpoint
ALTER TABLE "gigs" ADD COLUMN "required_education" text DEFAULT 'any' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "worker_profiles_city_id_number" ON "worker_profiles" USING btree ("city_code","id_number_digest") WHERE "worker_profiles"."id_number_digest" is not null;--> statement-breakpoint
-- The full ID number is not kept (decision 0012): its masked form and birth date stay; its digest
-- needs the deployment's secret, so rows registered before this migration have none.
UPDATE "worker_profiles" SET
  "id_number_masked" = substring("id_number" from 1 for 4) || repeat('*', length("id_number") - 8) || right("id_number", 4)
  WHERE "id_number" IS NOT NULL AND length("id_number") = 18;--> statement-breakpoint
UPDATE "worker_profiles" SET "birth_date" = d."day", "birth_year" = extract(year from d."day")::int
  FROM (
    SELECT "user_id", (make_date(substring("id_number" from 7 for 4)::int, substring("id_number" from 11 for 2)::int, 1)
      + (substring("id_number" from 13 for 2)::int - 1)) AS "day", substring("id_number" from 11 for 2)::int AS "month"
    FROM "worker_profiles"
    WHERE "id_number" ~ '^[0-9]{6}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]$'
  ) AS d
  WHERE d."user_id" = "worker_profiles"."user_id" AND extract(month from d."day")::int = d."month";--> statement-breakpoint
-- 中专/技校 is counted with 高中 in the official tables' five levels.
UPDATE "worker_profiles" SET "education" = 'senior' WHERE "education" = 'vocational';--> statement-breakpoint
UPDATE "monitoring_seeker_spells" SET "education" = 'senior' WHERE "education" = 'vocational';--> statement-breakpoint
ALTER TABLE "worker_profiles" DROP COLUMN "id_number";