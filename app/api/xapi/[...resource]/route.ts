// Every other xAPI resource (documents, state, agent and activity profiles): a clear 501/404 in
// JSON instead of the app's HTML page, so an integrator sees what this receiver does not do.
import { handleOther } from "@/lib/xapi/http";

type Context = { params: Promise<{ resource: string[] }> };

async function other(request: Request, { params }: Context) {
  return handleOther(request, (await params).resource.join("/"));
}

export const GET = other;
export const HEAD = other;
export const POST = other;
export const PUT = other;
export const DELETE = other;
