ALTER TABLE "dispatch_offers" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "dispatch_offers" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "dispatch_offers" ADD COLUMN "unanswered_calls" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dispatch_offers" ADD COLUMN "last_call_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dispatch_offers" ADD COLUMN "last_call_by" uuid;--> statement-breakpoint
ALTER TABLE "dispatch_offers" ADD CONSTRAINT "dispatch_offers_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_offers" ADD CONSTRAINT "dispatch_offers_last_call_by_users_id_fk" FOREIGN KEY ("last_call_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispatch_offers_application" ON "dispatch_offers" USING btree ("application_id");