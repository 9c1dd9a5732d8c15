CREATE TABLE "number_bindings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"subs_id" text NOT NULL,
	"number" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "number_bindings" ADD CONSTRAINT "number_bindings_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "number_bindings_booking" ON "number_bindings" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "number_bindings_active" ON "number_bindings" USING btree ("expires_at") WHERE "number_bindings"."released_at" is null;