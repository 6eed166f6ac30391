CREATE TABLE "allocations" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"payment_id" uuid,
	"credit_note_id" uuid,
	"amount_minor" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocations_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "allocations_amount" CHECK ("allocations"."amount_minor" between 1 and 1000000000000),
	CONSTRAINT "allocations_source" CHECK (("allocations"."payment_id" is null) <> ("allocations"."credit_note_id" is null))
);
--> statement-breakpoint
CREATE TABLE "billing_counters" (
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "billing_counters_clinic_id_kind_pk" PRIMARY KEY("clinic_id","kind")
);
--> statement-breakpoint
CREATE TABLE "billing_settings" (
	"clinic_id" uuid PRIMARY KEY NOT NULL,
	"currency" text DEFAULT 'GBP' NOT NULL,
	"business_name" text DEFAULT '' NOT NULL,
	"business_address" text DEFAULT '' NOT NULL,
	"tax_number" text DEFAULT '' NOT NULL,
	"prices_include_tax" boolean DEFAULT true NOT NULL,
	"default_tax_rate_id" uuid,
	"auto_invoice" boolean DEFAULT false NOT NULL,
	"payment_terms_days" integer DEFAULT 14 NOT NULL,
	"invoice_prefix" text DEFAULT 'INV-' NOT NULL,
	"credit_note_prefix" text DEFAULT 'CN-' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_settings_currency" CHECK ("billing_settings"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "billing_settings_terms" CHECK ("billing_settings"."payment_terms_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"product_id" uuid,
	"procedure_code" text,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"discount_bp" integer DEFAULT 0 NOT NULL,
	"tax_rate_id" uuid,
	"tax_rate_bp" integer DEFAULT 0 NOT NULL,
	"tax_name" text DEFAULT '' NOT NULL,
	"net_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	CONSTRAINT "invoice_lines_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "invoice_lines_quantity" CHECK ("invoice_lines"."quantity" between 1 and 1000),
	CONSTRAINT "invoice_lines_discount" CHECK ("invoice_lines"."discount_bp" between 0 and 10000),
	CONSTRAINT "invoice_lines_tax" CHECK ("invoice_lines"."tax_rate_bp" between 0 and 10000),
	CONSTRAINT "invoice_lines_sign" CHECK (("invoice_lines"."kind" = 'discount' and "invoice_lines"."unit_price_minor" <= 0) or ("invoice_lines"."kind" <> 'discount' and "invoice_lines"."unit_price_minor" >= 0)),
	CONSTRAINT "invoice_lines_sum" CHECK ("invoice_lines"."net_minor" + "invoice_lines"."tax_minor" = "invoice_lines"."total_minor")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'invoice' NOT NULL,
	"number" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"client_id" uuid NOT NULL,
	"appointment_id" uuid,
	"credits_invoice_id" uuid,
	"therapist_user_id" uuid,
	"service_date" date,
	"issue_date" date,
	"due_date" date,
	"currency" text NOT NULL,
	"tax_inclusive" boolean NOT NULL,
	"subtotal_minor" bigint DEFAULT 0 NOT NULL,
	"tax_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint DEFAULT 0 NOT NULL,
	"allocated_minor" bigint DEFAULT 0 NOT NULL,
	"diagnosis_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"display_number" text,
	"business_name" text,
	"business_address" text,
	"tax_number" text,
	"therapist_name" text,
	"therapist_registration" text,
	"client_name" text,
	"client_email" text,
	"client_date_of_birth" date,
	"issued_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "invoices_totals" CHECK ("invoices"."total_minor" between 0 and 1000000000000 and "invoices"."tax_minor" >= 0),
	CONSTRAINT "invoices_allocated" CHECK ("invoices"."allocated_minor" between 0 and "invoices"."total_minor"),
	CONSTRAINT "invoices_currency" CHECK ("invoices"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "invoices_numbered" CHECK (("invoices"."status" = 'draft') = ("invoices"."number" is null)),
	CONSTRAINT "invoices_credit_target" CHECK (("invoices"."kind" = 'credit_note') = ("invoices"."credits_invoice_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"payer_name" text DEFAULT '' NOT NULL,
	"provider_ref" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "payments_amount" CHECK ("payments"."amount_minor" between 1 and 1000000000000)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sku" text,
	"price_minor" bigint NOT NULL,
	"tax_rate_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "products_price" CHECK ("products"."price_minor" between 0 and 1000000000000)
);
--> statement-breakpoint
CREATE TABLE "service_prices" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type_id" uuid NOT NULL,
	"therapist_user_id" uuid,
	"amount_minor" bigint NOT NULL,
	"tax_rate_id" uuid,
	"procedure_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_prices_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "service_prices_amount" CHECK ("service_prices"."amount_minor" between 0 and 1000000000000)
);
--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"rate_bp" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_rates_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "tax_rates_rate" CHECK ("tax_rates"."rate_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "therapist_registrations" (
	"clinic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"registration_number" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "therapist_registrations_clinic_id_user_id_pk" PRIMARY KEY("clinic_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "billing_for_therapists" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_clinic_id_invoice_id_invoices_clinic_id_id_fk" FOREIGN KEY ("clinic_id","invoice_id") REFERENCES "public"."invoices"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_clinic_id_payment_id_payments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","payment_id") REFERENCES "public"."payments"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_clinic_id_credit_note_id_invoices_clinic_id_id_fk" FOREIGN KEY ("clinic_id","credit_note_id") REFERENCES "public"."invoices"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_counters" ADD CONSTRAINT "billing_counters_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_settings" ADD CONSTRAINT "billing_settings_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_clinic_id_invoice_id_invoices_clinic_id_id_fk" FOREIGN KEY ("clinic_id","invoice_id") REFERENCES "public"."invoices"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_clinic_id_product_id_products_clinic_id_id_fk" FOREIGN KEY ("clinic_id","product_id") REFERENCES "public"."products"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_clinic_id_tax_rate_id_tax_rates_clinic_id_id_fk" FOREIGN KEY ("clinic_id","tax_rate_id") REFERENCES "public"."tax_rates"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_therapist_user_id_users_id_fk" FOREIGN KEY ("therapist_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_clinic_id_appointment_id_appointments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "public"."appointments"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_clinic_id_credits_invoice_id_invoices_clinic_id_id_fk" FOREIGN KEY ("clinic_id","credits_invoice_id") REFERENCES "public"."invoices"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_clinic_id_tax_rate_id_tax_rates_clinic_id_id_fk" FOREIGN KEY ("clinic_id","tax_rate_id") REFERENCES "public"."tax_rates"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_prices" ADD CONSTRAINT "service_prices_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_prices" ADD CONSTRAINT "service_prices_therapist_user_id_users_id_fk" FOREIGN KEY ("therapist_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_prices" ADD CONSTRAINT "service_prices_clinic_id_type_id_appointment_types_clinic_id_id_fk" FOREIGN KEY ("clinic_id","type_id") REFERENCES "public"."appointment_types"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_prices" ADD CONSTRAINT "service_prices_clinic_id_tax_rate_id_tax_rates_clinic_id_id_fk" FOREIGN KEY ("clinic_id","tax_rate_id") REFERENCES "public"."tax_rates"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_registrations" ADD CONSTRAINT "therapist_registrations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_registrations" ADD CONSTRAINT "therapist_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocations_invoice_idx" ON "allocations" USING btree ("clinic_id","invoice_id");--> statement-breakpoint
CREATE INDEX "allocations_payment_idx" ON "allocations" USING btree ("clinic_id","payment_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("clinic_id","invoice_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices" USING btree ("clinic_id","kind","number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_appointment_key" ON "invoices" USING btree ("clinic_id","appointment_id") WHERE "invoices"."kind" = 'invoice' and "invoices"."status" <> 'void';--> statement-breakpoint
CREATE INDEX "invoices_client_idx" ON "invoices" USING btree ("clinic_id","client_id","created_at");--> statement-breakpoint
CREATE INDEX "invoices_open_idx" ON "invoices" USING btree ("clinic_id","status","issue_date");--> statement-breakpoint
CREATE INDEX "invoices_issue_date_idx" ON "invoices" USING btree ("clinic_id","issue_date");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_ref_key" ON "payments" USING btree ("clinic_id","provider_ref");--> statement-breakpoint
CREATE INDEX "payments_client_idx" ON "payments" USING btree ("clinic_id","client_id","received_at");--> statement-breakpoint
CREATE INDEX "payments_received_idx" ON "payments" USING btree ("clinic_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_prices_type_key" ON "service_prices" USING btree ("clinic_id","type_id") WHERE "service_prices"."therapist_user_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "service_prices_type_therapist_key" ON "service_prices" USING btree ("clinic_id","type_id","therapist_user_id") WHERE "service_prices"."therapist_user_id" is not null;--> statement-breakpoint
-- An issued invoice or credit note is a legal document: like a signed visit (0002), the
-- database refuses to change it. After issue only its payment state may move (status among
-- issued / partly_paid / paid / void, allocated_minor, the void stamp); a void one is final;
-- nothing but a draft is ever deleted. SQLSTATE 55000 lets the app answer 409.
CREATE OR REPLACE FUNCTION knotwork_refuse_issued_invoice_change() RETURNS trigger AS $$
DECLARE
  mutable text[] := ARRAY['status', 'allocated_minor', 'voided_at', 'void_reason', 'updated_at', 'version'];
BEGIN
  IF OLD.status = 'draft' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'invoice % is issued and cannot be deleted', OLD.id USING ERRCODE = '55000';
  END IF;
  IF OLD.status = 'void' THEN
    RAISE EXCEPTION 'invoice % is void', OLD.id USING ERRCODE = '55000';
  END IF;
  IF NEW.status = 'draft' OR (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
    RAISE EXCEPTION 'invoice % is issued and locked', OLD.id USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_lock_issued
  BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION knotwork_refuse_issued_invoice_change();
--> statement-breakpoint
-- Lines belong to their invoice's paper: only a draft's lines may be added, changed or removed.
CREATE OR REPLACE FUNCTION knotwork_refuse_issued_line_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
    SELECT 1 FROM invoices i WHERE i.clinic_id = OLD.clinic_id AND i.id = OLD.invoice_id AND i.status <> 'draft'
  ) THEN
    RAISE EXCEPTION 'lines of issued invoice % are locked', OLD.invoice_id USING ERRCODE = '55000';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
    SELECT 1 FROM invoices i WHERE i.clinic_id = NEW.clinic_id AND i.id = NEW.invoice_id AND i.status <> 'draft'
  ) THEN
    RAISE EXCEPTION 'lines of issued invoice % are locked', NEW.invoice_id USING ERRCODE = '55000';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_lock_issued
  BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION knotwork_refuse_issued_line_change();
--> statement-breakpoint
-- Money that moved is history: payments, refunds and allocations are append-only.
CREATE OR REPLACE FUNCTION knotwork_refuse_ledger_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% rows cannot be changed or removed', TG_TABLE_NAME USING ERRCODE = '55000';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER payments_append_only
  BEFORE UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION knotwork_refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER allocations_append_only
  BEFORE UPDATE OR DELETE ON allocations
  FOR EACH ROW EXECUTE FUNCTION knotwork_refuse_ledger_change();
