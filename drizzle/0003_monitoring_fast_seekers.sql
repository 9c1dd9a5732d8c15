CREATE TABLE "monitoring_daily_districts" (
	"city_code" text NOT NULL,
	"day" date NOT NULL,
	"district_code" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"quantity" bigint DEFAULT 0 NOT NULL,
	"value_sum" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "monitoring_daily_districts_city_code_day_district_code_kind_pk" PRIMARY KEY("city_code","day","district_code","kind")
);
--> statement-breakpoint
ALTER TABLE "monitoring_seeker_spells" ADD COLUMN "later_from" date;--> statement-breakpoint
ALTER TABLE "monitoring_seeker_spells" ADD COLUMN "has_profile" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "monitoring_seeker_spells" ADD COLUMN "category_code" text;--> statement-breakpoint
ALTER TABLE "monitoring_seeker_spells" ADD COLUMN "district_code" text;--> statement-breakpoint
ALTER TABLE "monitoring_seeker_spells" ADD COLUMN "sex" text;--> statement-breakpoint
ALTER TABLE "monitoring_seeker_spells" ADD COLUMN "birth_year" integer;--> statement-breakpoint
ALTER TABLE "monitoring_seeker_spells" ADD COLUMN "education" text;--> statement-breakpoint
CREATE INDEX "monitoring_daily_districts_kind_day" ON "monitoring_daily_districts" USING btree ("city_code","kind","day");--> statement-breakpoint
-- Fill the new rollup columns from what is already counted, so no rebuild is needed.
INSERT INTO "monitoring_daily_districts" ("city_code", "day", "district_code", "kind", "events", "quantity", "value_sum")
SELECT "city_code", "day", "district_code", "kind", sum("events"), sum("quantity"), sum("value_sum")
FROM "monitoring_daily" GROUP BY 1, 2, 3, 4;--> statement-breakpoint
UPDATE "monitoring_seeker_spells" s SET
  "later_from" = n."later_from",
  "has_profile" = n."user_id" IS NOT NULL,
  "category_code" = CASE WHEN n."any_category" OR cardinality(n."category_codes") = 0 THEN NULL ELSE n."category_codes"[1] END,
  "district_code" = n."district_codes"[1],
  "sex" = n."sex",
  "birth_year" = n."birth_year",
  "education" = n."education"
FROM (
  SELECT sp."id", min(sp."valid_from") OVER (PARTITION BY sp."worker_id" ORDER BY sp."valid_until", sp."id"
      ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS "later_from",
    wp."user_id", wp."any_category", wp."category_codes", wp."district_codes", wp."sex", wp."birth_year", wp."education"
  FROM "monitoring_seeker_spells" sp LEFT JOIN "worker_profiles" wp ON wp."user_id" = sp."worker_id"
) n WHERE s."id" = n."id";
