/**
 * The kinds of health-information reads that are audited, and the plain words the audit
 * page and "who opened this record" use for them. Pure data: pages and lib both import it.
 */
export const READ_KINDS = {
  client: { action: "client.viewed", label: "Opened the client record" },
  chart: { action: "chart.viewed", label: "Viewed the body chart history" },
  visits: { action: "visits.listed", label: "Listed visits" },
  visit: { action: "visit.viewed", label: "Opened a visit" },
  visit_pain: { action: "visit_pain.viewed", label: "Viewed a visit's pain scores" },
  progress: { action: "progress.viewed", label: "Viewed progress" },
  progress_export: { action: "progress.exported", label: "Exported progress (CSV)" },
  complaints: { action: "complaints.listed", label: "Listed complaints" },
  programmes: { action: "programmes.listed", label: "Listed programmes" },
  programme: { action: "programme.viewed", label: "Opened a programme" },
  programme_print: { action: "programme.printed", label: "Opened a printable programme" },
  adherence: { action: "adherence.viewed", label: "Viewed programme adherence" },
  questionnaires: { action: "questionnaires.viewed", label: "Viewed questionnaire answers" },
  check_ins: { action: "check_ins.viewed", label: "Viewed check-ins" },
  safety: { action: "safety.viewed", label: "Viewed precautions" },
  documents: { action: "documents.listed", label: "Listed documents" },
  document: { action: "document.viewed", label: "Opened a document" },
  forms: { action: "forms.viewed", label: "Viewed forms and their answers" },
} as const;

export type ReadKind = keyof typeof READ_KINDS;

export const ACCESS_REFUSED = "access.refused";
