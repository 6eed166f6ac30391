import { route } from "@/lib/http/route";
import * as ops from "@/lib/clients/operations";
import { createClient, listClients } from "@/lib/clients/clients";

export const GET = route(ops.listClients, ({ db, actor, input }) => listClients(db, actor, input.query));
export const POST = route(ops.createClient, ({ db, actor, input }) => createClient(db, actor, input.body));
