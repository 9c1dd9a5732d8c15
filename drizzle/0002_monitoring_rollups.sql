CREATE TABLE "monitoring_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"last_event_id" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_daily" (
	"city_code" text NOT NULL,
	"day" date NOT NULL,
	"district_code" text DEFAULT '' NOT NULL,
	"category_code" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"quantity" bigint DEFAULT 0 NOT NULL,
	"value_sum" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "monitoring_daily_city_code_day_district_code_category_code_kind_pk" PRIMARY KEY("city_code","day","district_code","category_code","kind")
);
--> statement-breakpoint
CREATE TABLE "monitoring_seeker_spells" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"worker_id" uuid NOT NULL,
	"city_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"last_active_day" date NOT NULL,
	"valid_until" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_vacancies" (
	"gig_id" uuid PRIMARY KEY NOT NULL,
	"city_code" text NOT NULL,
	"district_code" text NOT NULL,
	"category_code" text NOT NULL,
	"occupation_group" integer NOT NULL,
	"industry_code" text DEFAULT '' NOT NULL,
	"headcount" integer NOT NULL,
	"filled_count" integer NOT NULL,
	"daily_pay_fen" integer,
	"status" text NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"filled_at" timestamp with time zone,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL
);
--> statement-breakpoint
CREATE INDEX "monitoring_daily_city_kind_day" ON "monitoring_daily" USING btree ("city_code","kind","day");--> statement-breakpoint
CREATE INDEX "monitoring_seeker_spells_valid" ON "monitoring_seeker_spells" USING btree ("city_code","valid_from","valid_until");--> statement-breakpoint
CREATE INDEX "monitoring_seeker_spells_worker" ON "monitoring_seeker_spells" USING btree ("worker_id","valid_until");--> statement-breakpoint
CREATE INDEX "monitoring_seeker_spells_active" ON "monitoring_seeker_spells" USING btree ("city_code","last_active_day");--> statement-breakpoint
CREATE INDEX "monitoring_vacancies_valid" ON "monitoring_vacancies" USING btree ("city_code","valid_from","valid_until");--> statement-breakpoint
CREATE INDEX "monitoring_vacancies_until" ON "monitoring_vacancies" USING btree ("city_code","valid_until");