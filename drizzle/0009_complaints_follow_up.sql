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
ALTER TABLE "complaints" ADD COLUMN "filed_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "consent_note" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "escalation_level" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "inspection_case_no" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "inspection_status" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "referred_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaint_follow_ups" ADD CONSTRAINT "complaint_follow_ups_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_follow_ups" ADD CONSTRAINT "complaint_follow_ups_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_follow_ups_complaint" ON "complaint_follow_ups" USING btree ("complaint_id","at");--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_filed_by_staff_id_users_id_fk" FOREIGN KEY ("filed_by_staff_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;