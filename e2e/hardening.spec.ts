// No 500 for bad input, over HTTP: what a hand-made request can send that a browser never
// does — garbage server-action bodies, broken percent-encoding, a 12 MB upload that skips the
// browser's check, NUL in a query string. Each gets a clean 4xx or the form's own message.
// (test/fuzz/actions.test.ts fuzzes every action's input in-process.)
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { signIn } from "./helpers";

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/** A server action's id as the build assigned it (the browser finds it in the page's code). */
function actionId(exportedName: string, file: string): string {
  const dist = process.env.PATHWAYS_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === exportedName && a.filename?.endsWith(file));
  if (!found) throw new Error(`No server action ${exportedName} in ${file}`);
  return found[0];
}

/** Posts to a page as a server action with `id`, the way React's client sends it. */
function postAction(request: APIRequestContext, id: string, init: { data?: string | Buffer; multipart?: FormData; contentType?: string }) {
  const headers: Record<string, string> = { "Next-Action": id, Origin: ORIGIN, Accept: "text/x-component" };
  if (init.contentType) headers["Content-Type"] = init.contentType;
  return request.post("/sign-in", { headers, data: init.data, multipart: init.multipart, failOnStatusCode: false, maxRedirects: 0 });
}

/** Neither a 5xx nor, for an action, an answer whose result is an error (what the browser shows as "something went wrong"). */
async function expectNo5xx(response: APIResponse, what: string) {
  const body = await response.text();
  expect.soft(response.status(), `${what} answered ${response.status()}: ${body.slice(0, 200)}`).toBeLessThan(500);
  expect.soft(body, `${what} answered with an error`).not.toMatch(/^\d+:E\{/m);
}

test.describe("bad input over HTTP", () => {
  test("a garbage server-action body gets a 4xx or a refusal, never a 500", async ({ request }) => {
    const signInAction = actionId("signInAction", "app/sign-in/actions.ts");
    const text = "text/plain;charset=UTF-8";
    for (const body of [
      { what: "broken JSON", data: '["$K1", {"email": ', contentType: text },
      { what: "no body at all", data: "", contentType: text },
      { what: "a number, not a list of arguments", data: "5", contentType: text },
      { what: "null, not a list of arguments", data: "null", contentType: text },
      { what: "an object, not a list of arguments", data: '{"email":"a@b.co"}', contentType: text },
      { what: "a NUL and a lone surrogate", data: '[{"email":"a\\u0000@b.co","password":"\\ud800"}]', contentType: text },
      { what: "bytes that are not UTF-8", data: Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]), contentType: text },
    ]) {
      await expectNo5xx(await postAction(request, signInAction, body), body.what);
    }
    // An id no build ever made.
    const unknown = await postAction(request, "7f".repeat(21), { data: "[]", contentType: text });
    expect(unknown.status()).toBeGreaterThanOrEqual(400);
    await expectNo5xx(unknown, "an unknown action id");
  });

  // React's decoding of an action's arguments throws on these, inside Next, and Next would answer
  // 500; the proxy refuses them first (lib/security/action-body.ts).
  test("a body that breaks React's argument encoding gets a 4xx, never a 500", async ({ request }) => {
    const signInAction = actionId("signInAction", "app/sign-in/actions.ts");
    const text = "text/plain;charset=UTF-8";
    for (const body of [
      { what: "references to parts that are not there", data: '["$Q99","$B1"]', contentType: text },
      { what: "a path into the arguments that is not there", data: '["$0:zz"]', contentType: text },
      { what: "a big integer that is not a number", data: '["$nzz"]', contentType: text },
      { what: "lists nested 5 000 deep", data: "[".repeat(5000) + "]".repeat(5000), contentType: text },
      { what: "a multipart type with no parts", data: "garbage", contentType: "multipart/form-data; boundary=nothing" },
      {
        what: "a multipart body with no arguments",
        data: '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n',
        contentType: "multipart/form-data; boundary=b",
      },
    ]) {
      const response = await postAction(request, signInAction, body);
      await expectNo5xx(response, body.what);
      expect.soft(response.status(), body.what).toBe(400);
    }
  });

  // The actions that take a form answer anything else as bad input (lib/auth/form-input.ts).
  test("a form action sent something other than a form gets bad input, not a 500", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.student.email);
    const evidence = actionId("addEvidenceAction", "app/(app)/plans/actions.ts");
    for (const data of ["[null]", '["a string"]', '[{"planId":"x"}]', "[]"]) {
      await expectNo5xx(
        await postAction(page.request, evidence, { data, contentType: "text/plain;charset=UTF-8" }),
        `addEvidenceAction(${data})`,
      );
    }
  });

  test("URLs with broken percent-encoding get a 400 or 404, never a 500", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.admin.email);
    for (const url of [
      "/plans/%E0%A4%A",
      "/plans/%",
      "/students/%ZZ",
      "/records/%C0%AF",
      "/admin/people/%FF%FE",
      "/plans/%00",
      "/api/evidence/%/file",
      "/api/evidence/%00/file",
      "/api/records/attachments/%E0%A4%A",
      "/api/students/%ZZ/export",
      "/api/deletions/%/certificate",
      "/%E0%A4%A",
    ]) {
      const response = await page.request.get(url, { failOnStatusCode: false, maxRedirects: 0 });
      expect.soft([400, 404], `${url} answered ${response.status()}`).toContain(response.status());
    }
  });

  test("NUL and broken text in a search's query string never give a 500", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.districtAdmin.email);
    for (const url of [
      "/admin/people?q=%00",
      "/admin/people?q=a%00b&role=%00",
      "/admin/people?q=%ED%A0%80",
      "/admin/classes?q=%00",
      "/admin/classes/courses?q=%00",
      "/admin/audit?q=%00",
      "/admin/disclosures?q=%00&student=%00",
      "/plans?status=%00",
      "/admin/people?q=%",
    ]) {
      const response = await page.request.get(url, { failOnStatusCode: false, maxRedirects: 0 });
      await expectNo5xx(response, url);
    }
  });

  test("a 12 MB evidence upload that skips the browser's check gets the form's 'limit is 10 MB' message", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.student.email);
    const evidence = actionId("addEvidenceAction", "app/(app)/plans/actions.ts");
    // React sends a FormData argument as its fields named "_<n>_<field>" for argument n, then
    // the list of arguments ("0") last: the server reads the fields that came before it.
    const fields = { planId: "plan", goalId: "goal", kind: "FILE", title: "Scan", text: "", url: "", reflection: "" };
    // A FormData keeps that order (an object would put the key "0" first).
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
    form.append("_1_file", new File([new Uint8Array(12 * 1024 * 1024)], "scan.pdf", { type: "application/pdf" }));
    form.append("0", '["$K1"]');
    const response = await postAction(page.request, evidence, { multipart: form });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("the limit is 10 MB");
  });

  test("a body over the server's 26 MB limit is refused with a 413, never a 500", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.student.email);
    const evidence = actionId("addEvidenceAction", "app/(app)/plans/actions.ts");
    const form = new FormData();
    form.append("_1_file", new File([new Uint8Array(27 * 1024 * 1024)], "huge.pdf", { type: "application/pdf" }));
    form.append("0", '["$K1"]');
    const response = await postAction(page.request, evidence, { multipart: form });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain("more than 26 MB");
  });
});
