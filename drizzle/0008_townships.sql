CREATE TABLE "townships" (
	"code" text PRIMARY KEY NOT NULL,
	"district_code" text NOT NULL,
	"name" text NOT NULL,
	"center_lat" double precision,
	"center_lng" double precision
);
--> statement-breakpoint
ALTER TABLE "townships" ADD CONSTRAINT "townships_district_code_divisions_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;