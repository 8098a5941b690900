// The xAPI statements resource (a statement receiver, not a full LRS): lib/xapi/http.ts does the work.
import { handleStatements } from "@/lib/xapi/http";

export const dynamic = "force-dynamic";

export const GET = handleStatements;
export const HEAD = handleStatements;
export const POST = handleStatements;
export const PUT = handleStatements;
export const DELETE = handleStatements;
