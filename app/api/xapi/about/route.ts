// The xAPI about resource: which versions this statement receiver speaks. Public.
import { handleAbout } from "@/lib/xapi/http";

export const dynamic = "force-dynamic";

export const GET = handleAbout;
export const HEAD = handleAbout;
