ALTER TABLE "worker_profiles" ADD COLUMN "home_district_code" text;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "home_township_code" text;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "home_street" text;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "township_code" text;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "street" text;