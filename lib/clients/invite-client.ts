import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { insertInvitation } from "@/lib/identity/invitations/invitation-records";
import type { clientInvitationBody } from "@/lib/identity/invitations/schemas";
import { conflict, invalid } from "@/lib/errors";
import { getClientOrThrow } from "./records/get-client-or-throw";

// A client's portal invitation belongs to the client record (its operations are in ./operations.ts); identity
// writes and revokes invitations of every kind, and never reads a client record itself (README: areas depend
// one way, and clients depend on identity).

/** Invites a client to the portal, linking their login to this client record on acceptance. */
export async function inviteClient(
  db: Db,
  actor: Actor,
  clientId: string,
  input: z.output<typeof clientInvitationBody>,
  baseUrl: string,
) {
  assertCan(actor, "clients.invite");
  return db.transaction(async (tx) => {
    const client = await getClientOrThrow(tx, actor, clientId);
    if (client.archivedAt) throw conflict("This client is archived. Restore the record before inviting them.");
    if (client.hasPortalAccess) throw conflict("This client already has portal access.");
    const email = input.email ?? client.email;
    if (!email)
      throw invalid("Add an email address to invite this client.", { email: ["Enter the client's email address."] });
    return insertInvitation(tx, actor, { kind: "client", email, role: "client", clientId }, baseUrl);
  });
}
