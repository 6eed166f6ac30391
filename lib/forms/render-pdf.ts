import "server-only";
import { newPdf } from "@/lib/pdf/pdf-document";
import type { FormDefinition, Question } from "./definition";
import { allQuestions } from "./questions";
import type { Answer, Answers } from "./rules/answers";
import { isVisible } from "./rules/answers";

export interface SignedFormPdfInput {
  clinicName: string;
  clientName: string;
  definition: FormDefinition;
  version: number;
  answers: Answers;
  signature: { method: "drawn" | "typed"; name: string; png: Buffer | null };
  /** Already written in the clinic's zone and format. */
  signedAtText: string;
  ip: string | null;
  userAgent: string | null;
  contentSha256: string;
}

function answerText(q: Question, a: Answer | undefined): string {
  if (a === undefined) return "—";
  if (typeof a === "boolean") return a ? "Yes" : "No";
  if (Array.isArray(a))
    return a.length ? a.map((v) => q.options?.find((o) => o.value === v)?.label ?? v).join("; ") : "None";
  if (typeof a === "object")
    return a.regions.length ? `${a.regions.length} area(s) marked: ${a.regions.join(", ")}` : "None";
  if (q.kind === "single_choice") return q.options?.find((o) => o.value === a)?.label ?? String(a);
  return `${a}${q.unit ? ` ${q.unit}` : ""}`;
}

/** The signed form as the client saw it (that version's text), their answers, and the signature record. */
export async function renderSignedFormPdf(input: SignedFormPdfInput): Promise<Buffer> {
  const { doc, finish } = newPdf({ title: input.definition.title, author: input.clinicName });
  doc.font("bold").fontSize(16).text(input.definition.title);
  doc
    .font("regular")
    .fontSize(10)
    .fillColor("#444")
    .text(`${input.clinicName} · ${input.clientName} · form version ${input.version}`);
  doc.moveDown();
  doc.fillColor("#000");
  if (input.definition.intro) doc.fontSize(10).text(input.definition.intro).moveDown();
  for (const section of input.definition.sections) {
    doc.font("bold").fontSize(12).text(section.title).moveDown(0.3);
    if (section.intro) doc.font("regular").fontSize(10).text(section.intro).moveDown(0.3);
    for (const q of section.questions) {
      if (q.kind === "signature" || !isVisible(q, input.answers)) continue;
      doc.font("bold").fontSize(10).text(q.label);
      doc.font("regular").fontSize(10).text(answerText(q, input.answers[q.id])).moveDown(0.4);
    }
    doc.moveDown(0.5);
  }
  const signatureQuestion = allQuestions(input.definition).find((q) => q.kind === "signature");
  doc.font("bold").fontSize(12).text("Signature").moveDown(0.3);
  if (signatureQuestion) doc.font("regular").fontSize(10).text(signatureQuestion.label).moveDown(0.3);
  if (input.signature.png) doc.image(input.signature.png, { fit: [240, 90] }).moveDown(0.3);
  else
    doc
      .font("regular")
      .fontSize(10)
      .text(`Typed signature: ${input.signature.name} (with the box ticked to confirm it is their signature)`);
  doc.font("regular").fontSize(10).text(`Signed by ${input.signature.name} on ${input.signedAtText}`);
  doc.fontSize(8).fillColor("#444");
  doc.text(`From address ${input.ip ?? "unknown"}; browser: ${input.userAgent ?? "unknown"}`);
  doc.text(`SHA-256 of the signed content: ${input.contentSha256}`);
  return finish();
}
