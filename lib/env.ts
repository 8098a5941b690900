// The environment, read and validated in one place. Read lazily: `next build` and the
// scripts import modules long before a database exists.
import path from "node:path";
import { z } from "zod";

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

const fields = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  UPLOAD_DIR: z.string().min(1).optional(),
  // Where evidence files live: the UPLOAD_DIR folder (one server), or an S3-compatible bucket that
  // every app server shares. S3 when STORAGE=s3, or when S3_BUCKET is set and STORAGE is not.
  STORAGE: z.enum(["local", "s3"]).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  // Other S3-compatible stores (MinIO, Ceph, R2…); unset for AWS itself.
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "S3_ENDPOINT must be an http(s):// URL" }).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  // Both or neither: without them the AWS SDK's own chain applies (AWS_* variables, an instance role).
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  // Address buckets as https://host/bucket rather than https://bucket.host (most stores other than AWS).
  S3_FORCE_PATH_STYLE: z.stringbool().default(false),
  PORT: port(3000),
  HOST: z.string().min(1).optional(),
  PATHWAYS_PG_PORT: port(54329),
  E2E_PORT: port(3100),
  // The one public address of the app: sign-in redirects, links in email and the server
  // actions' origin check use it, never a request's Host or X-Forwarded-Host headers.
  APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http(s):// URL" }).optional(),
  // Proxies in front of the app that append to X-Forwarded-For (sign-in throttling per address).
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Mail: an SMTP server (smtp://user:pass@host:port, smtps://…); without one, messages are
  // written to .data/outbox/ and printed on the console.
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("Pathways <no-reply@pathways.invalid>"),
  OUTBOX_DIR: z.string().min(1).optional(),
  // The hour (UTC) from which the day's digests go out; weekly digests go on Mondays at that hour.
  DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(13),
  // Single sign-on (OpenID Connect). A generic provider, or the Google / Microsoft presets.
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("your school account"),
  // The ID token claim that carries the roster id (OneRoster sourcedId), when the provider has one.
  OIDC_ROSTER_ID_CLAIM: z.string().min(1).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  MICROSOFT_ENTRA_ID_CLIENT_ID: z.string().min(1).optional(),
  MICROSOFT_ENTRA_ID_CLIENT_SECRET: z.string().min(1).optional(),
  // The tenant's issuer, e.g. https://login.microsoftonline.com/<tenant id>/v2.0
  MICROSOFT_ENTRA_ID_ISSUER: z.url().optional(),
});
const schema = fields.superRefine((e, ctx) => {
  if (e.STORAGE === "s3" && !e.S3_BUCKET) ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "STORAGE=s3 needs S3_BUCKET" });
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY) {
    const missing = e.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID";
    ctx.addIssue({ code: "custom", path: [missing], message: "set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together" });
  }
});
export type Env = z.infer<typeof schema>;

/** The validated environment; a bad value stops with a message naming it. Parsed on each
 * call (it is cheap) so tests and scripts that set variables late are seen. */
export function env(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** The app's public origin (APP_URL, else AUTH_URL, else the local address it listens on). */
export function appUrl(): URL {
  const e = env();
  const configured = e.APP_URL ?? process.env.AUTH_URL;
  return new URL(configured ?? `http://${e.HOST ?? "localhost"}:${e.PORT}`);
}

export function outboxDir(): string {
  return path.resolve(/* turbopackIgnore: true */ env().OUTBOX_DIR ?? path.join(process.cwd(), ".data", "outbox"));
}

export function uploadDir(): string {
  return path.resolve(/* turbopackIgnore: true */ env().UPLOAD_DIR ?? path.join(process.cwd(), ".data", "uploads"));
}

export type StorageSettings =
  | { kind: "local"; dir: string }
  | {
      kind: "s3";
      bucket: string;
      endpoint?: string;
      region: string;
      credentials?: { accessKeyId: string; secretAccessKey: string };
      forcePathStyle: boolean;
    };

/** Where evidence files are kept (lib/storage): the upload folder unless S3 is configured. */
export function storageSettings(): StorageSettings {
  const e = env();
  const bucket = e.STORAGE === "local" ? undefined : e.S3_BUCKET;
  if (!bucket) return { kind: "local", dir: uploadDir() };
  const credentials =
    e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } : undefined;
  return { kind: "s3", bucket, endpoint: e.S3_ENDPOINT, region: e.S3_REGION, credentials, forcePathStyle: e.S3_FORCE_PATH_STYLE };
}
