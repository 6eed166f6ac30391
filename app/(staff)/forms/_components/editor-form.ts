import type { UseFormReturn } from "react-hook-form";
import type { FormDefinition } from "@/lib/forms/definition";
import type { EditorValues } from "@/lib/forms/form-editor";

/** The form editor's react-hook-form handle, shared by the section and question editors. */
export type EditorForm = UseFormReturn<EditorValues, unknown, FormDefinition>;
