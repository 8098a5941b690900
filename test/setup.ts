// Runs before each test file's imports: point lib/db at the run's throwaway database.
import { inject, vi } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.UPLOAD_DIR = inject("uploadDir");

// Commands queue background jobs (emails, recomputes) after they commit. A test file that only
// checks data does not start pg-boss for that; one that runs the real queue says vi.unmock.
vi.mock("@/lib/jobs/boss", () => ({
  enqueue: async () => null,
  ensureQueue: async () => {
    throw new Error("This test did not unmock @/lib/jobs/boss");
  },
  boss: async () => {
    throw new Error("This test did not unmock @/lib/jobs/boss");
  },
}));
