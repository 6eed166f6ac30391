import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import type { ClientDetail } from "@/lib/clients/schemas";
import { ApiError, call, hrefFor, ops, type CallArgs, type ResponseOf } from "./api-client";

const CLIENT = "00000000-0000-4000-8000-000000000001";

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Answers every fetch with one response and records what was asked. */
function answer(status: number, body: unknown) {
  const seen: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  });
  return seen;
}

describe("hrefFor", () => {
  it("fills and encodes path parameters", () => {
    expect(hrefFor(ops.invoicePdf, { params: { invoiceId: CLIENT } })).toBe(`/api/invoices/${CLIENT}/pdf`);
    expect(hrefFor(ops.getPublicBookingOptions, { params: { clinicSlug: "a b/c?" } })).toBe(
      "/api/public/booking/a%20b%2Fc%3F",
    );
  });

  it("adds the query, leaving out what is not set", () => {
    expect(hrefFor(ops.revenueCsv, { query: { from: "2026-01-01", to: "2026-02-01" } })).toBe(
      "/api/billing/reports/revenue.csv?from=2026-01-01&to=2026-02-01",
    );
    expect(hrefFor(ops.getClientDocumentFile, { params: { clientId: CLIENT, documentId: CLIENT }, query: {} })).toBe(
      `/api/clients/${CLIENT}/documents/${CLIENT}/file`,
    );
    expect(hrefFor(ops.ageingCsv)).toBe("/api/billing/reports/ageing.csv");
  });

  it("refuses a missing path parameter instead of calling a wrong URL", () => {
    expect(() => hrefFor(ops.invoicePdf, { params: { invoiceId: "" } })).toThrow(/invoiceId/);
  });
});

describe("call", () => {
  it("sends the operation's method and a JSON body, and returns the body", async () => {
    const seen = answer(200, { id: CLIENT });
    const r = await call(ops.updateClient, {
      params: { clientId: CLIENT },
      body: { version: 1, firstName: "Ada" },
    });
    expect(r).toEqual({ id: CLIENT });
    expect(seen[0]!.url).toBe(`/api/clients/${CLIENT}`);
    expect(seen[0]!.init.method).toBe("PATCH");
    expect(seen[0]!.init.headers).toEqual({ "content-type": "application/json" });
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({ version: 1, firstName: "Ada" });
  });

  it("sends no body (and no content type) when the operation takes none", async () => {
    const seen = answer(204, null);
    expect(await call(ops.revokeClientInvitation, { params: { clientId: CLIENT } })).toBeUndefined();
    expect(seen[0]!.init).toMatchObject({ method: "DELETE", body: undefined, headers: undefined });
  });

  it("turns the one error shape into an ApiError with field errors and details", async () => {
    answer(409, {
      error: {
        code: "CONFLICT",
        message: "Changed meanwhile.",
        fieldErrors: { name: ["Too long"] },
        details: { v: 2 },
      },
    });
    const err = await call(ops.getClient, { params: { clientId: CLIENT } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 409,
      code: "CONFLICT",
      message: "Changed meanwhile.",
      fieldErrors: { name: ["Too long"] },
      details: { v: 2 },
    });
  });

  it("says so when the server cannot be reached", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(call(ops.getMe)).rejects.toMatchObject({ status: 0, code: "NETWORK" });
  });
});

describe("types come from the operation's schemas", () => {
  it("returns the response schema's output", () => {
    expectTypeOf<ResponseOf<typeof ops.getClient>>().toEqualTypeOf<ClientDetail>();
  });

  it("requires path parameters and the body, and refuses what the operation does not take", () => {
    expectTypeOf<CallArgs<typeof ops.getClient>>().toHaveProperty("params");
    // @ts-expect-error getClient needs its clientId
    void (() => call(ops.getClient, {}));
    // @ts-expect-error getMe takes no body
    void (() => call(ops.getMe, { body: {} }));
    // @ts-expect-error listWaitlist's status is one of the schema's values
    void (() => call(ops.listWaitlist, { query: { status: "lost" } }));
  });
});
