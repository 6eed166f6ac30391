CREATE TABLE "client_documents" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"uploaded_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"thumb_key" text,
	"thumb_sha256" text,
	"preview_key" text,
	"preview_sha256" text,
	"width" integer,
	"height" integer,
	"document_date" date NOT NULL,
	"view" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"shared_with_client_at" timestamp with time zone,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "client_documents_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "client_documents_kind" CHECK ("client_documents"."kind" in ('posture_photo', 'referral_letter', 'imaging_report', 'other')),
	CONSTRAINT "client_documents_view" CHECK ("client_documents"."view" is null or "client_documents"."view" in ('front', 'back', 'left', 'right')),
	CONSTRAINT "client_documents_view_only_photos" CHECK ("client_documents"."view" is null or "client_documents"."kind" = 'posture_photo'),
	CONSTRAINT "client_documents_size" CHECK ("client_documents"."byte_size" > 0),
	CONSTRAINT "client_documents_sha256" CHECK ("client_documents"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "client_documents_title_len" CHECK (char_length("client_documents"."title") between 1 and 200),
	CONSTRAINT "client_documents_tags" CHECK (cardinality("client_documents"."tags") <= 20),
	CONSTRAINT "client_documents_type" CHECK ("client_documents"."content_type" in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp'))
);
--> statement-breakpoint
ALTER TABLE "clinic_exercise_images" ALTER COLUMN "data" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clinic_exercise_images" ADD COLUMN "storage_key" text;--> statement-breakpoint
ALTER TABLE "clinic_exercise_images" ADD COLUMN "sha256" text;--> statement-breakpoint
ALTER TABLE "client_documents" ADD CONSTRAINT "client_documents_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_documents" ADD CONSTRAINT "client_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_documents" ADD CONSTRAINT "client_documents_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_documents_client_idx" ON "client_documents" USING btree ("clinic_id","client_id","document_date");--> statement-breakpoint
ALTER TABLE "clinic_exercise_images" ADD CONSTRAINT "clinic_exercise_images_one_place" CHECK (("clinic_exercise_images"."data" is null) <> ("clinic_exercise_images"."storage_key" is null) and ("clinic_exercise_images"."storage_key" is null) = ("clinic_exercise_images"."sha256" is null));