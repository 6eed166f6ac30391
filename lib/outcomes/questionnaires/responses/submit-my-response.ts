import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import type { submitBody } from "../schemas";
import { submitResponse } from "./submit-response";

export const submitMyResponse = (db: Db, actor: Actor, input: z.output<typeof submitBody>) =>
  submitResponse(db, actor, requireClientId(actor), input);
