import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["admin", "therapist", "client"]);
export const invitationKindEnum = pgEnum("invitation_kind", ["staff", "client"]);
