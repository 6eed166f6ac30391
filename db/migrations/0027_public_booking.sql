CREATE TABLE "booking_holds" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type_id" uuid NOT NULL,
	"therapist_user_id" uuid NOT NULL,
	"room_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocks_until" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"email" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"phone" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"reason" text NOT NULL,
	"token_hash" text NOT NULL,
	"client_id" uuid,
	"appointment_id" uuid,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_holds_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "booking_holds_times" CHECK ("booking_holds"."starts_at" < "booking_holds"."ends_at" and "booking_holds"."ends_at" <= "booking_holds"."blocks_until"),
	CONSTRAINT "booking_holds_status" CHECK ("booking_holds"."status" in ('held', 'awaiting_clinic', 'confirmed', 'declined', 'released')),
	CONSTRAINT "booking_holds_reason_length" CHECK (char_length("booking_holds"."reason") <= 500)
);
--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "invited_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "created_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "public_booking" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "public_lead_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "public_horizon_days" integer DEFAULT 28 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "public_requires_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "embed_origins" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "self_booked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointment_types" ADD COLUMN "bookable_by_new_clients" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_therapist_user_id_users_id_fk" FOREIGN KEY ("therapist_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_clinic_id_type_id_appointment_types_clinic_id_id_fk" FOREIGN KEY ("clinic_id","type_id") REFERENCES "public"."appointment_types"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_clinic_id_room_id_rooms_clinic_id_id_fk" FOREIGN KEY ("clinic_id","room_id") REFERENCES "public"."rooms"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_clinic_id_appointment_id_appointments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "public"."appointments"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "booking_holds_token_key" ON "booking_holds" USING btree ("clinic_id","token_hash");--> statement-breakpoint
CREATE INDEX "booking_holds_token_idx" ON "booking_holds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "booking_holds_live_idx" ON "booking_holds" USING btree ("clinic_id","status","starts_at");--> statement-breakpoint
CREATE INDEX "booking_holds_email_idx" ON "booking_holds" USING btree ("clinic_id","email","created_at");--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_public_lead_hours" CHECK ("clinics"."public_lead_hours" between 0 and 720);--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_public_horizon_days" CHECK ("clinics"."public_horizon_days" between 1 and 365);--> statement-breakpoint
-- Holds and appointments are two tables, so one exclusion constraint cannot cover both. These
-- triggers are the database's own guard instead: under one advisory lock per clinic (held to the
-- end of the transaction), a live hold may not overlap an active appointment or another live hold
-- of the same therapist or room, and an appointment placed or moved may not overlap a live hold.
-- A refusal raises exclusion_violation (23P01), the SQLSTATE the appointments' constraints use,
-- so the app answers both with the same 409. In READ COMMITTED each query in a plpgsql function
-- takes a fresh snapshot, so the check after the lock sees whatever the previous holder committed.
CREATE FUNCTION booking_slot_lock(clinic uuid) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtext('booking-slots:' || clinic::text))
$$;
--> statement-breakpoint
CREATE FUNCTION booking_live_hold_overlaps(clinic uuid, therapist uuid, room uuid, starts timestamptz, blocks timestamptz, self uuid)
RETURNS boolean LANGUAGE sql AS $$
  SELECT EXISTS (
    SELECT 1 FROM booking_holds h
    WHERE h.clinic_id = clinic AND h.id IS DISTINCT FROM self
      AND (h.status = 'awaiting_clinic' OR (h.status = 'held' AND h.expires_at > now()))
      AND (h.therapist_user_id = therapist OR (room IS NOT NULL AND h.room_id = room))
      AND h.starts_at < blocks AND h.blocks_until > starts)
$$;
--> statement-breakpoint
CREATE FUNCTION booking_holds_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT (NEW.status = 'awaiting_clinic' OR (NEW.status = 'held' AND NEW.expires_at > now())) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.status = 'awaiting_clinic' OR (OLD.status = 'held' AND OLD.expires_at > now()))
     AND OLD.starts_at = NEW.starts_at
     AND OLD.blocks_until = NEW.blocks_until AND OLD.therapist_user_id = NEW.therapist_user_id
     AND OLD.room_id IS NOT DISTINCT FROM NEW.room_id THEN
    RETURN NEW;
  END IF;
  PERFORM booking_slot_lock(NEW.clinic_id);
  IF EXISTS (
    SELECT 1 FROM appointments a
    WHERE a.clinic_id = NEW.clinic_id AND a.status IN ('booked', 'arrived', 'completed')
      AND (a.therapist_user_id = NEW.therapist_user_id OR (NEW.room_id IS NOT NULL AND a.room_id = NEW.room_id))
      AND a.starts_at < NEW.blocks_until AND a.blocks_until > NEW.starts_at)
  OR booking_live_hold_overlaps(NEW.clinic_id, NEW.therapist_user_id, NEW.room_id, NEW.starts_at, NEW.blocks_until, NEW.id)
  THEN
    RAISE EXCEPTION 'booking hold overlaps a booking or another hold' USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER booking_holds_guard BEFORE INSERT OR UPDATE ON booking_holds
  FOR EACH ROW EXECUTE FUNCTION booking_holds_guard();
--> statement-breakpoint
CREATE FUNCTION appointments_hold_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status NOT IN ('booked', 'arrived', 'completed') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status IN ('booked', 'arrived', 'completed') AND OLD.starts_at = NEW.starts_at
     AND OLD.blocks_until = NEW.blocks_until AND OLD.therapist_user_id = NEW.therapist_user_id
     AND OLD.room_id IS NOT DISTINCT FROM NEW.room_id THEN
    RETURN NEW;
  END IF;
  PERFORM booking_slot_lock(NEW.clinic_id);
  IF booking_live_hold_overlaps(NEW.clinic_id, NEW.therapist_user_id, NEW.room_id, NEW.starts_at, NEW.blocks_until, NULL) THEN
    RAISE EXCEPTION 'appointment overlaps a slot held for an online booking' USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER appointments_hold_guard BEFORE INSERT OR UPDATE ON appointments
  FOR EACH ROW EXECUTE FUNCTION appointments_hold_guard();
