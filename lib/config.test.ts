import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;
const SECRET = "0123456789abcdef0123456789abcdef";

function configError(vars: Record<string, string>): string {
  let caught: unknown;
  try {
    parseConfig(env(vars));
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  return (caught as ConfigError).message;
}

describe("parseConfig", () => {
  it("needs nothing in development", () => {
    const cfg = parseConfig(env({}));
    expect(cfg).toMatchObject({ NODE_ENV: "development", KNOTWORK_DATA_DIR: ".data", LOGIN_MAX_FAILURES: 10 });
    expect(cfg.DATABASE_URL).toBeUndefined();
    expect(
      parseConfig(env({ NODE_ENV: "development", DATABASE_URL: "", NEXTAUTH_SECRET: "" })).DATABASE_URL,
    ).toBeUndefined();
  });

  it("refuses production without NEXTAUTH_SECRET, naming it", () => {
    expect(configError({ NODE_ENV: "production" })).toContain("NEXTAUTH_SECRET");
    expect(configError({ NODE_ENV: "production", NEXTAUTH_SECRET: "too-short" })).toContain("NEXTAUTH_SECRET");
    expect(
      parseConfig(env({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://clinic.example.com" }))
        .NEXTAUTH_SECRET,
    ).toBe(SECRET);
  });

  it("refuses production without NEXTAUTH_URL: email links must not come from a request's Host header", () => {
    expect(configError({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET })).toContain("NEXTAUTH_URL");
  });

  it("refuses a malformed DATABASE_URL, naming it without echoing the value", () => {
    for (const url of ["not a url", "mysql://u:hunter2@db.example.com/k", "postgres://"]) {
      const message = configError({ DATABASE_URL: url });
      expect(message).toContain("DATABASE_URL");
      expect(message).not.toContain("hunter2");
    }
    expect(parseConfig(env({ DATABASE_URL: "postgresql://u:p@db.example.com:5432/knotwork" })).DATABASE_URL).toBe(
      "postgresql://u:p@db.example.com:5432/knotwork",
    );
  });

  it("names every bad variable at once", () => {
    const message = configError({ DATABASE_URL: "nope", LOGIN_MAX_FAILURES: "zero", SMTP_URL: "smtp" });
    for (const name of ["DATABASE_URL", "LOGIN_MAX_FAILURES", "SMTP_URL"]) expect(message).toContain(name);
  });

  it("keeps files locally by default and needs a bucket (and both keys or neither) for S3", () => {
    expect(parseConfig(env({})).KNOTWORK_STORAGE).toBe("local");
    expect(configError({ KNOTWORK_STORAGE: "s3" })).toContain("S3_BUCKET");
    expect(configError({ KNOTWORK_STORAGE: "s3", S3_BUCKET: "Bad_Bucket" })).toContain("S3_BUCKET");
    const onlyKey = configError({ KNOTWORK_STORAGE: "s3", S3_BUCKET: "clinic-files", S3_ACCESS_KEY_ID: "AKIA123" });
    expect(onlyKey).toContain("S3_SECRET_ACCESS_KEY");
    expect(onlyKey).not.toContain("AKIA123");
    expect(configError({ KNOTWORK_STORAGE: "ftp" })).toContain("KNOTWORK_STORAGE");
    const cfg = parseConfig(
      env({
        KNOTWORK_STORAGE: "s3",
        S3_BUCKET: "clinic-files",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_FORCE_PATH_STYLE: "true",
      }),
    );
    expect(cfg).toMatchObject({ S3_BUCKET: "clinic-files", S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: "true" });
  });
});
