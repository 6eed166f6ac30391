// Which parts of `npm run bench` run: arguments (`npm run bench -- servers weight`) or
// BENCH_SECTIONS=servers,weight; every section when neither names one.
export const SECTIONS = ["paths", "growth", "servers", "weight", "start", "rls", "lcp"] as const;

export function selectedSections(argv = process.argv.slice(2), env = process.env.BENCH_SECTIONS): Set<string> {
  const named = [...argv, ...(env ?? "").split(",")].map((s) => s.trim()).filter(Boolean);
  const unknown = named.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (unknown.length)
    throw new Error(`unknown bench section(s): ${unknown.join(", ")} (known: ${SECTIONS.join(", ")})`);
  return new Set(named.length ? named : SECTIONS);
}
