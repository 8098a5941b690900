// Runs before each test file's imports: point lib/db at the run's throwaway database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.UPLOAD_DIR = inject("uploadDir");
