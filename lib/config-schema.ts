import { z } from "zod";

// Kept free of "server-only" so instrumentation.ts can check the environment at start-up.
const postgresUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "postgres:" || u.protocol === "postgresql:") && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, "must be a postgres:// or postgresql:// URL with a host, e.g. postgres://user:pass@db.example.com:5432/knotwork");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  /**
   * With row-level security in production: DATABASE_URL is the application role (NOBYPASSRLS, one
   * clinic per transaction) and this the platform role (BYPASSRLS) for work that is no one clinic's:
   * sign-in, public booking by slug, the worker. Unset: DATABASE_URL serves both.
   */
  DATABASE_PLATFORM_URL: postgresUrl.optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  NEXTAUTH_URL: z.url().optional(),
  KNOTWORK_DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * "on": the app migrates PostgreSQL at start-up (it connects as the schema owner).
   * "off": migrations are run separately by the owner (`npm run db:migrate`) and the app
   * connects as the least-privilege role of scripts/db-least-privilege.sql, which cannot.
   */
  KNOTWORK_MIGRATE: z.enum(["on", "off"], "must be on or off").default("on"),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("Knotwork <no-reply@knotwork.local>"),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Sign-in attempts from one address per window, and one password tried across accounts (spraying). */
  LOGIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).max(100000).default(30),
  LOGIN_MAX_PER_PASSWORD: z.coerce.number().int().min(1).max(100000).default(20),
  /** Password-reset requests from one address per hour. */
  RESET_MAX_PER_ADDRESS: z.coerce.number().int().min(1).max(100000).default(10),
  /** The in-process job worker (lib/jobs/in-process.ts); "off" on app servers when `npm run worker` runs. */
  KNOTWORK_JOBS: z.enum(["on", "off"], "must be on or off").default("on"),
  /** Jobs one `npm run worker` process runs at once. */
  KNOTWORK_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(5),
  /**
   * Where uploaded files live (lib/storage): "local" keeps them under KNOTWORK_DATA_DIR/files
   * (embedded mode, one server); "s3" uses an S3-compatible bucket (production, several servers).
   */
  KNOTWORK_STORAGE: z.enum(["local", "s3"], "must be local or s3").default("local"),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name (3–63 lowercase letters, digits, dots, dashes)")
    .optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  /** For S3-compatible services (MinIO, R2, Spaces …); absent means AWS itself. */
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Most S3-compatible services want path-style URLs (https://host/bucket/key). */
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"], "must be true or false").default("false"),
  /** Online card payments (lib/billing/online): both set, or neither (online payment hidden). */
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, "must be a Stripe secret key (sk_… or rk_…)")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, "must be a Stripe webhook signing secret (whsec_…)")
    .optional(),
  /**
   * Text messages (lib/delivery/sms): a Twilio account's SID and auth token and the number (or
   * messaging service) texts come from. All three, or none: without them SMS is off and hidden.
   */
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "must be a Twilio Account SID (AC followed by 32 hex digits)")
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, "must be the account's auth token").optional(),
  TWILIO_FROM_NUMBER: z
    .string()
    .regex(
      /^(\+[1-9][0-9]{6,14}|MG[0-9a-fA-F]{32})$/,
      "must be an E.164 number (+447700900123) or a Messaging Service SID (MG…)",
    )
    .optional(),
  /** Where Twilio's REST API answers; only tests and a local provider stand-in change it. */
  TWILIO_API_BASE_URL: z.url().default("https://api.twilio.com"),
});

export type Config = z.infer<typeof envSchema>;

/** Empty strings in the environment mean "not set" (a common .env habit). */
function cleanEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")) as Record<
    string,
    string
  >;
}

export class ConfigError extends Error {}

/** Parses and checks the environment; throws a ConfigError naming each bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(cleanEnv(env));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Knotwork configuration is invalid:\n${lines.join("\n")}`);
  }
  const config = result.data;
  if (config.NODE_ENV === "production" && !config.NEXTAUTH_SECRET) {
    throw new ConfigError(
      "Knotwork configuration is invalid:\n  NEXTAUTH_SECRET: is required in production (at least 32 random characters; try: openssl rand -base64 32)",
    );
  }
  // Links in emails (invitations, password resets, reminders) must never come from a request's
  // Host header, which anyone can set: in production the public URL is configured.
  if (config.NODE_ENV === "production" && !config.NEXTAUTH_URL) {
    throw new ConfigError(
      "Knotwork configuration is invalid:\n  NEXTAUTH_URL: is required in production (the public URL, e.g. https://clinic.example.com)",
    );
  }
  if (!!config.STRIPE_SECRET_KEY !== !!config.STRIPE_WEBHOOK_SECRET) {
    const missing = config.STRIPE_SECRET_KEY ? "STRIPE_WEBHOOK_SECRET" : "STRIPE_SECRET_KEY";
    throw new ConfigError(
      `Knotwork configuration is invalid:\n  ${missing}: is required with the other Stripe variable (online payment needs both)`,
    );
  }
  const twilio = { TWILIO_ACCOUNT_SID: 0, TWILIO_AUTH_TOKEN: 0, TWILIO_FROM_NUMBER: 0 } as const;
  const twilioMissing = Object.keys(twilio).filter((k) => !config[k as keyof typeof twilio]);
  if (twilioMissing.length > 0 && twilioMissing.length < 3) {
    throw new ConfigError(
      `Knotwork configuration is invalid:\n${twilioMissing.map((k) => `  ${k}: is required with the other TWILIO_ variables (SMS needs all three)`).join("\n")}`,
    );
  }
  if (config.KNOTWORK_STORAGE === "s3") {
    const missing: string[] = config.S3_BUCKET ? [] : ["S3_BUCKET"];
    // Keys come as a pair; with neither, the SDK's own chain (instance role, profile) applies.
    if (!!config.S3_ACCESS_KEY_ID !== !!config.S3_SECRET_ACCESS_KEY)
      missing.push(config.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID");
    if (missing.length)
      throw new ConfigError(
        `Knotwork configuration is invalid:\n${missing.map((k) => `  ${k}: is required when KNOTWORK_STORAGE=s3`).join("\n")}`,
      );
  }
  return config;
}
