CREATE TABLE "application_fees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"payer" text NOT NULL,
	"amount_fen" integer,
	"method" text NOT NULL,
	"status" text DEFAULT 'unpaid' NOT NULL,
	"due_by" text,
	"payment_id" uuid,
	"receipt_no" text,
	"paid_at" timestamp with time zone,
	"confirmed_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"content" text NOT NULL,
	"contact_name" text,
	"contact" text NOT NULL,
	"evidence_file_id" uuid,
	"source_hash" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"handling" text,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"lodged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_callbacks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_callbacks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"provider" text NOT NULL,
	"notify_id" text NOT NULL,
	"out_trade_no" text,
	"event" text NOT NULL,
	"signature_ok" boolean NOT NULL,
	"outcome" text NOT NULL,
	"body" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fee_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"out_trade_no" text NOT NULL,
	"provider_trade_no" text,
	"amount_fen" integer NOT NULL,
	"status" text DEFAULT 'created' NOT NULL,
	"payer_user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publicity_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"employer_name" text NOT NULL,
	"specialty" text NOT NULL,
	"level" text NOT NULL,
	"mode" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publicity_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"start_date" text NOT NULL,
	"end_date" text NOT NULL,
	"end_provisional" boolean DEFAULT false NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "document_date" text;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "document_number" text;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "plan_id" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "fee_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "fee_amount_fen" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "application_fees_uq" ON "application_fees" USING btree ("application_id","kind","org_id");--> statement-breakpoint
CREATE INDEX "application_fees_org_status_idx" ON "application_fees" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "objections_application_idx" ON "objections" USING btree ("application_id","lodged_at");--> statement-breakpoint
CREATE INDEX "objections_list_status_idx" ON "objections" USING btree ("list_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_callbacks_notify_uq" ON "payment_callbacks" USING btree ("provider","notify_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_out_trade_no_uq" ON "payments" USING btree ("out_trade_no");--> statement-breakpoint
CREATE INDEX "payments_fee_idx" ON "payments" USING btree ("fee_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "publicity_entries_uq" ON "publicity_entries" USING btree ("list_id","application_id");--> statement-breakpoint
CREATE INDEX "publicity_entries_application_idx" ON "publicity_entries" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "publicity_lists_published_idx" ON "publicity_lists" USING btree ("published_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "publicity_lists_day_uq" ON "publicity_lists" USING btree ("kind","plan_id","org_id","start_date");