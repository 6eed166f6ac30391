import { defineOperation } from "@/lib/http/operation";
import { auditPageDto, listAuditQuery } from "@/lib/audit/schemas";

export const listAudit = defineOperation({
  id: "listAudit",
  method: "GET",
  path: "/api/audit",
  tag: "Audit",
  summary:
    "The clinic's audit trail, newest first: filter by person, client, event kind and days; page with nextCursor",
  auth: { permission: "audit.read" },
  query: listAuditQuery,
  response: auditPageDto,
});
