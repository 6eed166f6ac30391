import type { Actor } from "@/lib/identity/actor";
import { assertCan, can } from "@/lib/identity/scopes";

/** Reading the catalogue: whoever sets it up or bills from it. */
export function assertCanRead(actor: Actor) {
  if (!can(actor, "billing.manage")) assertCan(actor, "clinic.settings");
}
