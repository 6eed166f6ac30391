import { test, expect } from "./fixtures";

// Malformed percent-encoding in a path cannot name anything; it once made the router throw (500).
const MALFORMED = ["/clients/%E0%A4%A", "/api/clients/%ZZ", "/portal/programme/%C0%AF", "/%"];

test("addresses with malformed percent-encoding get 400, not a server error", async ({ request }) => {
  for (const path of MALFORMED) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
    expect(await res.text(), path).toContain("not valid percent-encoding");
  }
  // A well-formed path still reaches the app.
  expect((await request.get("/signin")).status()).toBe(200);
});

test("responses carry HSTS and the security headers", async ({ request }) => {
  const res = await request.get("/signin");
  const h = res.headers();
  expect(h["strict-transport-security"]).toContain("max-age=31536000");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
});
