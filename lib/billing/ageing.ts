import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { loadBillingSettings } from "./settings/load-billing-settings";
import type { AgeingQuery } from "./report-schemas";
import { AGEING_BUCKETS, addDays, ageingBucket, daysBetween, localDateIn, type AgeingBucket } from "./rules/dates";

/** Invoices still owed: issued and not (fully) paid. Credit notes are never owed. */
const unpaid = (actor: Actor) =>
  and(clinicScope(actor, invoices), eq(invoices.kind, "invoice"), inArray(invoices.status, ["issued", "partly_paid"]));

/**
 * Unpaid invoices by age since issue (0–30, 31–60, 61–90, 90+ days): the bucket totals over every
 * unpaid invoice, summed in SQL, and one page of the invoices themselves, oldest first.
 * Keyset-paged on (issue date, number) over the partial index invoices_unpaid_idx, so a clinic with
 * thousands of unpaid invoices sends one page, and page 40 costs what page 1 does (issue 16).
 */
export async function unpaidAgeing(
  db: Db,
  actor: Actor,
  q: AgeingQuery = { limit: 50 },
  today = localDateIn(new Date(), actor.clinicTimezone),
) {
  assertCan(actor, "billing.manage");
  const [afterDate, afterNumber] = q.after ? q.after.split("~") : [];
  const balance = sql`${invoices.totalMinor} - ${invoices.allocatedMinor}`;
  // Age ≤ 30 days ⇔ issued on or after today − 30, and so on: each bucket is a range of issue dates.
  const since = (days: number) => sql`${invoices.issueDate} >= ${addDays(today, -days)}::date`;
  const before = (days: number) => sql`${invoices.issueDate} < ${addDays(today, -days)}::date`;
  const ranges: Record<AgeingBucket, ReturnType<typeof sql>> = {
    "0-30": since(30),
    "31-60": sql`${since(60)} and ${before(30)}`,
    "61-90": sql`${since(90)} and ${before(60)}`,
    "90+": before(90),
  };
  const count = (b: AgeingBucket) => sql<number>`(count(*) filter (where ${ranges[b]}))::int`;
  const sum = (b: AgeingBucket) => sql<string>`coalesce(sum(${balance}) filter (where ${ranges[b]}), 0)`;
  const [settings, [totals], rows] = await Promise.all([
    loadBillingSettings(db, actor.clinicId),
    db
      .select({
        c0: count("0-30"),
        s0: sum("0-30"),
        c1: count("31-60"),
        s1: sum("31-60"),
        c2: count("61-90"),
        s2: sum("61-90"),
        c3: count("90+"),
        s3: sum("90+"),
      })
      .from(invoices)
      .where(unpaid(actor)),
    db
      .select({
        id: invoices.id,
        number: invoices.number,
        displayNumber: invoices.displayNumber,
        clientId: invoices.clientId,
        clientName: invoices.clientName,
        issueDate: invoices.issueDate,
        balanceMinor: sql<string>`${balance}`,
      })
      .from(invoices)
      .where(
        and(
          unpaid(actor),
          afterDate
            ? sql`(${invoices.issueDate}, ${invoices.number}) > (${afterDate}::date, ${Number(afterNumber)}::int)`
            : undefined,
        ),
      )
      .orderBy(invoices.issueDate, invoices.number)
      .limit(q.limit + 1),
  ]);
  const buckets = Object.fromEntries(
    AGEING_BUCKETS.map((b, i) => {
      const t = totals as Record<string, string | number> | undefined;
      return [b, { count: Number(t?.[`c${i}`] ?? 0), balanceMinor: Number(t?.[`s${i}`] ?? 0) }];
    }),
  ) as Record<AgeingBucket, { count: number; balanceMinor: number }>;
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    today,
    currency: settings.currency,
    buckets,
    count: AGEING_BUCKETS.reduce((s, b) => s + buckets[b].count, 0),
    totalMinor: AGEING_BUCKETS.reduce((s, b) => s + buckets[b].balanceMinor, 0),
    items: page.map((r) => ({
      id: r.id,
      number: r.displayNumber ?? "",
      clientId: r.clientId,
      clientName: r.clientName ?? "",
      issueDate: r.issueDate!,
      ageDays: daysBetween(r.issueDate!, today),
      bucket: ageingBucket(r.issueDate!, today),
      balanceMinor: Number(r.balanceMinor),
    })),
    /** Pass as `after` for the next page; null on the last page. */
    nextCursor: rows.length > q.limit && last ? `${last.issueDate}~${last.number}` : null,
  };
}

export type AgeingReport = Awaited<ReturnType<typeof unpaidAgeing>>;
