/**
 * Hostile values and request mutations for the edge fuzz test (lib/api/edge-fuzz.test.ts):
 * what an attacker's probe sends — text the database cannot store, impossible and far-off dates,
 * numbers past every column's range, wrong types, huge and deeply nested values.
 */
import fc from "fast-check";

const LONG = "x".repeat(200_000);
let deep: unknown = "bottom";
for (let i = 0; i < 200; i++) deep = [deep];

const nastyStrings = [
  "a\u0000b",
  "\u0000",
  "lone \ud800 high",
  "lone \udc00 low",
  "0000-01-01",
  "0000-01-01T00:00:00Z",
  "9999-12-31",
  "+275760-09-13T00:00:00Z",
  "99999-01-01T00:00:00Z",
  "1899-12-31T23:59:59Z",
  "2026-02-30",
  "2026-13-01T25:61",
  "1970-01-01T00:00:00+99:99",
  "",
  " ",
  "'; drop table clients; --",
  "%00",
  "%E2%28%A1",
  "\\",
  "🙂\u202e",
  "NaN",
  "-1e309",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-4fff-bfff-ffffffffffff",
  LONG,
];

const nastyNumbers = [0, -0, -1, 1.5, 1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e-300, 86_400_000];

/** One hostile JSON value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...nastyStrings) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...nastyNumbers) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { "a\u0000": 1 }, deep),
  },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 5000 }, (_, i) => i)) },
);

/** Paths to every value inside a JSON value (the root is []). */
export function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** A deep copy of `value` with the value at `path` replaced (the root when path is empty). */
export function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = replaceAt(copy[head!], rest, replacement);
  return copy;
}

/** Query and path values are text: strings as they are, anything else as its JSON. */
export const asText = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? "null"));

/** encodeURIComponent throws on lone surrogates; the handler gets params directly anyway. */
export function safeSegment(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return "x";
  }
}

export interface Mutation {
  /** Where the hostile value goes. */
  target: "body" | "query" | "param" | "extraKey";
  /** Picks the path / parameter, modulo how many there are. */
  pick: number;
  value: unknown;
  /** Several values for one query parameter (?a=1&a=2). */
  repeat: boolean;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  target: fc.constantFrom<Mutation["target"]>("body", "body", "body", "query", "param", "extraKey"),
  pick: fc.nat(),
  value: hostileValue,
  repeat: fc.boolean(),
});

const STRING_PROBES = ["a\u0000b", "lone \ud800", "0000-01-01", "99999-01-01T00:00:00Z", LONG];
const NUMBER_PROBES = [1e308, -1e308, 2 ** 53 + 2, -1, 1.5];

/**
 * Deterministic probes run before the random ones: each value of the valid body, each query
 * parameter and each path parameter gets one hostile value of its own kind (text the database
 * cannot store or a year-0 date for strings, out-of-range numbers for numbers), so every field
 * is reached however few random runs there are.
 */
export function targetedProbes(body: unknown, queryNames: string[], paramNames: string[]): Mutation[] {
  const out: Mutation[] = [];
  const paths = body === undefined ? [] : pathsOf(body);
  paths.forEach((path, i) => {
    let leaf: unknown = body;
    for (const key of path) leaf = (leaf as Record<string | number, unknown>)[key];
    const value =
      typeof leaf === "number"
        ? NUMBER_PROBES[i % NUMBER_PROBES.length]
        : typeof leaf === "string"
          ? STRING_PROBES[i % STRING_PROBES.length]
          : path.length === 0
            ? { "a\u0000": "b" }
            : "a\u0000b";
    out.push({ target: "body", pick: i, value, repeat: false });
  });
  queryNames.forEach((_, i) => {
    out.push({ target: "query", pick: i, value: STRING_PROBES[i % 2], repeat: false });
    out.push({ target: "query", pick: i, value: i % 2 ? "0000-01-01" : 1e308, repeat: true });
  });
  paramNames.forEach((_, i) => out.push({ target: "param", pick: i, value: "%E2%28%A1\u0000", repeat: false }));
  return out;
}
