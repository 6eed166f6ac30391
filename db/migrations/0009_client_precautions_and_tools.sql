CREATE TABLE "client_precautions" (
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"precaution_id" text NOT NULL,
	"areas" text[] DEFAULT '{}' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_precautions_clinic_id_client_id_precaution_id_pk" PRIMARY KEY("clinic_id","client_id","precaution_id")
);
--> statement-breakpoint
CREATE TABLE "client_tools" (
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"tool" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_tools_clinic_id_client_id_tool_pk" PRIMARY KEY("clinic_id","client_id","tool")
);
--> statement-breakpoint
ALTER TABLE "client_precautions" ADD CONSTRAINT "client_precautions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_precautions" ADD CONSTRAINT "client_precautions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_precautions" ADD CONSTRAINT "client_precautions_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_tools" ADD CONSTRAINT "client_tools_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_tools" ADD CONSTRAINT "client_tools_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;