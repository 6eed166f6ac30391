import "server-only";
import { formTemplates } from "@/db/schema";
import type { TemplateDto } from "../schemas";

/** The template columns every read selects, and their DTO. */
export const templateColumns = {
  id: formTemplates.id,
  seedKey: formTemplates.seedKey,
  title: formTemplates.title,
  kind: formTemplates.kind,
  currentVersion: formTemplates.currentVersion,
};
export const toTemplateDto = (r: {
  id: string;
  seedKey: string | null;
  title: string;
  kind: string;
  currentVersion: number;
}) =>
  ({ ...r, seedKey: r.seedKey as TemplateDto["seedKey"], kind: r.kind as TemplateDto["kind"] }) satisfies TemplateDto;
