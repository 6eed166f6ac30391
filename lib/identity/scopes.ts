import "server-only";
import { and, eq, ne, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { clients, invoices } from "@/db/schema";
import type { Actor } from "./actor";
import { rolesHave, type Permission } from "./permissions";
import { AppError } from "@/lib/errors";

/*
 * SECURITY BOUNDARY. This module is the only place that says which rows an actor may
 * touch: their clinic always, and for a client only their own record. Every query of
 * clinic data composes these scopes; review changes here with care.
 */

/** Rows of the actor's clinic, for any table with a clinic_id column. */
export function clinicScope(actor: Actor, table: { clinicId: AnyPgColumn }): SQL {
  return eq(table.clinicId, actor.clinicId);
}

/** Client rows the actor may see: the clinic's clients for staff, only their own for a client. */
export function clientScope(actor: Actor): SQL {
  const inClinic = eq(clients.clinicId, actor.clinicId);
  if (rolesHave(actor.roles, "clients.read")) return inClinic;
  if (actor.clientId) return and(inClinic, eq(clients.id, actor.clientId))!;
  // No role that may see clients: match nothing.
  return and(inClinic, eq(clients.id, "00000000-0000-0000-0000-000000000000"))!;
}

/** Throws FORBIDDEN unless one of the actor's roles in this clinic (or a clinic grant) holds the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError("FORBIDDEN", "Your role in this clinic does not allow this.");
  }
}

export function can(actor: Pick<Actor, "roles" | "grants">, permission: Permission): boolean {
  return rolesHave(actor.roles, permission) || actor.grants.includes(permission);
}

/**
 * Invoices the actor may see: the clinic's for billing staff; for a client only their own
 * issued ones (never drafts). Anyone else (a therapist without billing) gets FORBIDDEN, so
 * amounts never reach them.
 */
export function invoiceScope(actor: Actor): SQL {
  const inClinic = eq(invoices.clinicId, actor.clinicId);
  if (can(actor, "billing.manage")) return inClinic;
  if (actor.clientId && can(actor, "portal.self")) {
    return and(inClinic, eq(invoices.clientId, actor.clientId), ne(invoices.status, "draft"))!;
  }
  throw new AppError("FORBIDDEN", "Your role in this clinic does not allow this.");
}
