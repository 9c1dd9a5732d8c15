CREATE TABLE "city_categories" (
	"city_code" text NOT NULL,
	"category_code" text NOT NULL,
	"reference_daily_pay_fen" integer,
	"sort_order" integer,
	"active" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "city_categories_city_code_category_code_pk" PRIMARY KEY("city_code","category_code")
);
--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "city_code" text;--> statement-breakpoint
ALTER TABLE "city_categories" ADD CONSTRAINT "city_categories_city_code_cities_code_fk" FOREIGN KEY ("city_code") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_categories" ADD CONSTRAINT "city_categories_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_city_code_cities_code_fk" FOREIGN KEY ("city_code") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gigs_city_created" ON "gigs" USING btree ("city_code","created_at");--> statement-breakpoint
-- Categories a city admin added before categories had a city were that city's own: where the
-- deployment has one city, everything outside the shipped national base becomes that city's.
UPDATE "categories" SET "city_code" = (SELECT "code" FROM "cities")
WHERE (SELECT count(*) FROM "cities") = 1
  AND "code" NOT IN ('cleaning', 'loading', 'housekeeping', 'maternity_nurse', 'nanny', 'elder_care', 'plumbing_electrical', 'appliance_repair', 'renovation', 'painting', 'parcel_sorting', 'food_delivery', 'waiter', 'dishwasher', 'kitchen_helper', 'security', 'general_labour', 'electronics_assembly', 'driver', 'farm_picking', 'landscaping', 'event_staff', 'promoter', 'warehouse', 'construction_labour', 'bricklayer', 'carpenter', 'welder', 'hospital_escort', 'hourly_cleaner', 'moving_house', 'tutor', 'cashier', 'garment_work', 'property_maintenance');
