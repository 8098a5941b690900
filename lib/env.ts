// The environment, read and validated in one place. Read lazily: `next build` and the
// scripts import modules long before a database exists.
import path from "node:path";
import { z } from "zod";

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  UPLOAD_DIR: z.string().min(1).optional(),
  PORT: port(3000),
  HOST: z.string().min(1).optional(),
  PATHWAYS_PG_PORT: port(54329),
  E2E_PORT: port(3100),
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

export function uploadDir(): string {
  return path.resolve(/* turbopackIgnore: true */ env().UPLOAD_DIR ?? path.join(process.cwd(), ".data", "uploads"));
}
