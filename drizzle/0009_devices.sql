CREATE TABLE "device_use_daily" (
	"station_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"day" text NOT NULL,
	"kind" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"city_code" text NOT NULL,
	"district_code" text NOT NULL,
	"station_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"enrolment_code_hash" text,
	"enrolment_expires_at" timestamp with time zone,
	"token_hash" text,
	"enrolled_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queue_slips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"day" text NOT NULL,
	"category_code" text,
	"created_at" timestamp with time zone NOT NULL,
	"served_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "device_use_daily" ADD CONSTRAINT "device_use_daily_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_slips" ADD CONSTRAINT "queue_slips_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_slips" ADD CONSTRAINT "queue_slips_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "device_use_daily_key" ON "device_use_daily" USING btree ("station_id","day","kind");--> statement-breakpoint
CREATE INDEX "devices_station" ON "devices" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_token_hash" ON "devices" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_enrolment_code_hash" ON "devices" USING btree ("enrolment_code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_slips_station_day_number" ON "queue_slips" USING btree ("station_id","day","number");