import { describe, expect, it } from "vitest";
import { encode, decode } from "next-auth/jwt";
import { decodeSessionToken, sessionCookieValue } from "./session-token";

const secret = "a-test-secret-of-at-least-thirty-two-characters";

describe("session token decode with a cached key", () => {
  it("reads what next-auth encodes, and next-auth reads the same token", async () => {
    const token = await encode({ token: { uid: "u1", sid: "s1" }, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ uid: "u1", sid: "s1" });
    // A second call reuses the derived key and still agrees with next-auth's own decode.
    expect(await decodeSessionToken({ token, secret })).toEqual(await decode({ token, secret }));
  });

  it("refuses a token made with another secret, an expired one, and garbage", async () => {
    const other = await encode({ token: { sid: "s1" }, secret: `${secret}-other`, maxAge: 60 });
    await expect(decodeSessionToken({ token: other, secret })).rejects.toThrow();
    const expired = await encode({ token: { sid: "s1" }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: "not.a.token", secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: "", secret })).toBeNull();
  });

  it("joins a token split over numbered cookies in order", () => {
    const jar = new Map([
      ["next-auth.session-token.1", "B"],
      ["next-auth.session-token.0", "A"],
      ["next-auth.session-token.10", "D"],
      ["next-auth.session-token.2", "C"],
      ["next-auth.session-token.x", "?"],
    ]);
    const get = (n: string) => jar.get(n);
    expect(sessionCookieValue(get, [...jar.keys()], "next-auth.session-token")).toBe("ABCD");
    expect(sessionCookieValue(() => "whole", [], "next-auth.session-token")).toBe("whole");
    expect(sessionCookieValue(() => undefined, [], "next-auth.session-token")).toBeUndefined();
  });
});
