/**
 * The clinic's scope-of-practice wording for programmes (clinics.scope_wording), for the UI and
 * printouts. Browser-safe: no imports, so client components can use it directly.
 */
export const PROGRAMME_WORDING = {
  self_care: { title: "Self-care recommendations", short: "self-care" },
  home_exercise: { title: "Home exercise programme", short: "home programme" },
} as const;
