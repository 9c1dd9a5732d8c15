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
CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"city_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"terms_version" integer NOT NULL,
	"privacy_version" integer NOT NULL,
	"channel" text NOT NULL,
	"recorded_by" uuid,
	"accepted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"body_zh" text NOT NULL,
	"body_en" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"city_code" text NOT NULL,
	"complaint_id" uuid NOT NULL,
	"staff_user_id" uuid,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"recovered_fen" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "home_district_code" text;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "home_township_code" text;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "home_street" text;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "township_code" text;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "filed_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "consent_note" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "escalation_level" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "inspection_case_no" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "inspection_status" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "referred_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "device_use_daily" ADD CONSTRAINT "device_use_daily_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_slips" ADD CONSTRAINT "queue_slips_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_slips" ADD CONSTRAINT "queue_slips_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_follow_ups" ADD CONSTRAINT "complaint_follow_ups_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_follow_ups" ADD CONSTRAINT "complaint_follow_ups_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "device_use_daily_key" ON "device_use_daily" USING btree ("station_id","day","kind");--> statement-breakpoint
CREATE INDEX "devices_station" ON "devices" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_token_hash" ON "devices" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_enrolment_code_hash" ON "devices" USING btree ("enrolment_code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_slips_station_day_number" ON "queue_slips" USING btree ("station_id","day","number");--> statement-breakpoint
CREATE INDEX "consent_records_user" ON "consent_records" USING btree ("user_id","accepted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_documents_kind_version" ON "legal_documents" USING btree ("kind","version");--> statement-breakpoint
CREATE INDEX "complaint_follow_ups_complaint" ON "complaint_follow_ups" USING btree ("complaint_id","at");--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_filed_by_staff_id_users_id_fk" FOREIGN KEY ("filed_by_staff_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;