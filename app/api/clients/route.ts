import { route } from "@/lib/http/route";
import * as ops from "@/lib/clients/operations";
import { createClient } from "@/lib/clients/records/create-client";
import { listClients } from "@/lib/clients/records/list-clients";

export const GET = route(ops.listClients, ({ db, actor, input }) => listClients(db, actor, input.query));
export const POST = route(ops.createClient, ({ db, actor, input }) => createClient(db, actor, input.body));
