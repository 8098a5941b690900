// The statement receiver's rules, through the same handler the route uses: headers, credentials,
// validation, conflicts, batches, voiding, filters and the `more` link, and tool isolation.
import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeSchool } from "@/test/fixtures";
import { handleAbout, handleOther, handleStatements } from "./http";
import { ACTIVITY, basic, makeTool, statement, xapi, type Credentials } from "@/test/xapi";

let s: Awaited<ReturnType<typeof makeSchool>>;
let tool: Credentials;
let toolB: Credentials;

beforeAll(async () => {
  s = await makeSchool();
  tool = await makeTool(s.school);
  toolB = await makeTool(s.school, "Another tool");
});

const VOIDED = "http://adlnet.gov/expapi/verbs/voided";

describe("headers", () => {
  it("require X-Experience-API-Version and return it on every answer", async () => {
    for (const method of ["GET", "POST", "PUT"]) {
      const r = await xapi(tool, {
        method,
        query: method === "PUT" ? `statementId=${randomUUID()}` : "",
        body: method === "GET" ? undefined : statement(),
        headers: { "X-Experience-API-Version": null },
      });
      expect(r.status, method).toBe(400);
      expect(r.json.message).toContain("X-Experience-API-Version");
      expect(r.headers.get("X-Experience-API-Version")).toBe("1.0.3");
    }
    const unsupported = await xapi(tool, { headers: { "X-Experience-API-Version": "1.1.0" } });
    expect(unsupported.status).toBe(400);
    expect((await xapi(tool, { headers: { "X-Experience-API-Version": "1.0" } })).status).toBe(200);
    const ok = await xapi(tool);
    expect(ok.headers.get("X-Experience-API-Version")).toBe("1.0.3");
  });

  it("say how current the store is on every read, a 404 too, and when a single statement changed", async () => {
    const before = Date.now();
    const list = await xapi(tool);
    expect(Date.parse(list.headers.get("X-Experience-API-Consistent-Through") ?? "")).toBeGreaterThanOrEqual(before - 1000);
    const missing = await xapi(tool, { query: `statementId=${randomUUID()}` });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("X-Experience-API-Consistent-Through")).toBeTruthy();
    const [id] = (await xapi(tool, { body: statement() })).json as string[];
    const one = await xapi(tool, { query: `statementId=${id}` });
    expect(one.headers.get("Last-Modified")).toBe(new Date(one.json.stored as string).toUTCString());
    const head = await xapi(tool, { method: "HEAD", query: `statementId=${id}` });
    expect(head.status).toBe(200);
    expect(head.json).toBeNull();
  });

  it("answer /about without credentials, and other resources with a clear message", async () => {
    const about = handleAbout(new Request("http://localhost/api/xapi/about"));
    expect(about.status).toBe(200);
    expect(about.headers.get("X-Experience-API-Version")).toBe("1.0.3");
    expect(((await about.json()) as { version: string[] }).version).toContain("1.0.3");
    const state = handleOther(
      new Request("http://localhost/api/xapi/activities/state", { headers: { "X-Experience-API-Version": "1.0.3" } }),
      "activities/state",
    );
    expect(state.status).toBe(501);
    expect(((await state.json()) as { message: string }).message).toContain("statement receiver");
    const noVersion = handleOther(new Request("http://localhost/api/xapi/agents"), "agents");
    expect(noVersion.status).toBe(400);
  });
});

describe("credentials", () => {
  it("answer none, a wrong secret, an unknown key and a revoked tool with 401 and WWW-Authenticate", async () => {
    const revoked = await makeTool(s.school, "Old tool");
    await db.xapiTool.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    const attempts = [
      await xapi(null),
      await xapi({ ...tool, secret: "wrong" }),
      await xapi({ key: "nobody", secret: tool.secret }),
      await xapi(revoked),
      await xapi(tool, { headers: { Authorization: "Basic:bm90aGluZw==" } }),
    ];
    for (const r of attempts) {
      expect(r.status).toBe(401);
      expect(r.headers.get("WWW-Authenticate")).toMatch(/^Basic /);
    }
    expect(await db.xapiStatement.count({ where: { toolId: revoked.id } })).toBe(0);
  });

  it("record when a tool was last used, at most once a minute", async () => {
    const fresh = await makeTool(s.school, "Fresh tool");
    await xapi(fresh);
    const first = await db.xapiTool.findUniqueOrThrow({ where: { id: fresh.id } });
    expect(first.lastUsedAt).not.toBeNull();
    await xapi(fresh);
    expect((await db.xapiTool.findUniqueOrThrow({ where: { id: fresh.id } })).lastUsedAt).toEqual(first.lastUsedAt);
  });
});

describe("validation", () => {
  const cases: [string, unknown, string][] = [
    ["no actor", { verb: statement().verb, object: statement().object }, "statement.actor: is required"],
    ["two identifiers", statement({ actor: { mbox: "mailto:a@example.com", openid: "https://id.example/a" } }), "exactly one identifier"],
    ["mbox without mailto", statement({ actor: { mbox: "a@example.com" } }), "statement.actor.mbox"],
    ["verb id not an IRI", statement({ verb: { id: "completed" } }), "statement.verb.id: must be an absolute IRI"],
    ["bad UUID", statement({ id: "not-a-uuid" }), "statement.id: must be a UUID"],
    ["timestamp without zone", statement({ timestamp: "2026-11-23T10:00:00" }), "statement.timestamp"],
    ["bad duration", statement({ result: { duration: "one hour" } }), "statement.result.duration"],
    ["scaled score above 1", statement({ result: { score: { scaled: 1.5 } } }), "statement.result.score.scaled: must be from -1 to 1"],
    ["raw below min", statement({ result: { score: { raw: 1, min: 2, max: 5 } } }), "statement.result.score.raw"],
    [
      "bad language tag",
      statement({ verb: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "not a tag": "x" } } }),
      "language tag",
    ],
    ["extra property", statement({ colour: "blue" }), "statement.colour: is not a property"],
    [
      "platform on an agent object",
      statement({ object: { objectType: "Agent", mbox: "mailto:b@example.com" }, context: { platform: "web" } }),
      "statement.context.platform: is only allowed when the statement's object is an activity",
    ],
    ["version 1.1", statement({ version: "1.1.0" }), "statement.version"],
    ["wrong objectType case", statement({ object: { objectType: "activity", id: ACTIVITY } }), "statement.object.objectType"],
    ["not JSON", "{ nope", "not valid JSON"],
  ];
  it.each(cases)("refuses %s with 400 naming the problem", async (_name, body, message) => {
    const r = await xapi(tool, { body });
    expect(r.status).toBe(400);
    expect(r.json.message).toContain(message);
  });

  it("name the statement in a batch that is wrong", async () => {
    const r = await xapi(tool, { body: [statement(), statement({ verb: { id: "nope" } })] });
    expect(r.status).toBe(400);
    expect(r.json.message).toContain("statement[1].verb.id");
  });

  it("refuse unknown or miscased query parameters", async () => {
    for (const query of ["foo=bar", "Limit=1", `StatementId=${randomUUID()}`, "verb=not-an-iri", "agent=wrong", "limit=-1"])
      expect((await xapi(tool, { query })).status, query).toBe(400);
    expect((await xapi(tool, { query: `statementId=${randomUUID()}&verb=http://x.example/v` })).status).toBe(400);
  });
});

describe("storing", () => {
  it("returns generated ids in order and stores stored, authority, version and timestamp", async () => {
    const given = randomUUID();
    const r = await xapi(tool, { body: [statement(), statement({ id: given.toUpperCase() }), statement()] });
    expect(r.status).toBe(200);
    const ids = r.json as string[];
    expect(ids).toHaveLength(3);
    expect(ids[1]).toBe(given);
    const one = await xapi(tool, { query: `statementId=${ids[0]}` });
    expect(one.json).toMatchObject({
      id: ids[0],
      version: "1.0.0",
      authority: { objectType: "Agent", account: { name: tool.key } },
      stored: expect.stringMatching(/\.\d{3}Z$/),
    });
    expect(one.json.timestamp).toBe(one.json.stored);
  });

  it("PUT: 204, the same again 204, different content 409 and the stored one unchanged", async () => {
    const id = randomUUID();
    const body = statement({ result: { completion: true } });
    expect((await xapi(tool, { method: "PUT", query: `statementId=${id}`, body })).status).toBe(204);
    expect((await xapi(tool, { method: "PUT", query: `statementId=${id}`, body })).status).toBe(204);
    const changed = await xapi(tool, { method: "PUT", query: `statementId=${id}`, body: statement({ result: { completion: false } }) });
    expect(changed.status).toBe(409);
    expect((await xapi(tool, { body: { ...statement({ result: { completion: false } }), id } })).status).toBe(409);
    expect((await xapi(tool, { query: `statementId=${id}` })).json).toMatchObject({ result: { completion: true } });
    expect((await xapi(tool, { method: "PUT", body })).status).toBe(400);
    expect((await xapi(tool, { method: "PUT", query: `statementId=${id}`, body: { ...body, id: randomUUID() } })).status).toBe(400);
  });

  it("stores a batch all or nothing", async () => {
    const good = randomUUID();
    const r = await xapi(tool, { body: [{ ...statement(), id: good }, statement({ actor: { name: "nobody" } })] });
    expect(r.status).toBe(400);
    expect(await db.xapiStatement.count({ where: { id: good } })).toBe(0);
    const dup = randomUUID();
    expect(
      (
        await xapi(tool, {
          body: [
            { ...statement(), id: dup },
            { ...statement(), id: dup },
          ],
        })
      ).status,
    ).toBe(400);
    // A conflict late in the batch undoes the statements before it.
    const taken = randomUUID();
    await xapi(tool, { method: "PUT", query: `statementId=${taken}`, body: statement() });
    const first = randomUUID();
    const conflict = await xapi(tool, {
      body: [
        { ...statement(), id: first },
        { ...statement({ result: { success: true } }), id: taken },
      ],
    });
    expect(conflict.status).toBe(409);
    expect(await db.xapiStatement.count({ where: { id: first } })).toBe(0);
  });

  it("keeps statements append-only in the database", async () => {
    const [id] = (await xapi(tool, { body: statement() })).json as string[];
    await expect(db.xapiStatement.update({ where: { id }, data: { verbId: "https://x.example/changed" } })).rejects.toThrow();
  });
});

describe("voiding", () => {
  it("hides a voided statement except by voidedStatementId, and keeps the voiding one", async () => {
    const [target] = (await xapi(tool, { body: statement() })).json as string[];
    const voiding = await xapi(tool, { body: statement({ verb: { id: VOIDED }, object: { objectType: "StatementRef", id: target } }) });
    expect(voiding.status).toBe(200);
    const [voidingId] = voiding.json as string[];
    expect((await xapi(tool, { query: `statementId=${target}` })).status).toBe(404);
    expect((await xapi(tool, { query: `voidedStatementId=${target}` })).json).toMatchObject({ id: target });
    expect((await xapi(tool, { query: `voidedStatementId=${voidingId}` })).status).toBe(404);
    expect((await xapi(tool, { query: `statementId=${voidingId}` })).status).toBe(200);
    const list = (await xapi(tool, { query: "limit=0" })).json.statements as { id: string }[];
    expect(list.map((x) => x.id)).toContain(voidingId);
    expect(list.map((x) => x.id)).not.toContain(target);
  });

  it("refuse a voiding statement whose object is not a StatementRef, or that voids a voiding statement", async () => {
    const bad = await xapi(tool, { body: statement({ verb: { id: VOIDED } }) });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain("StatementRef");
    const [target] = (await xapi(tool, { body: statement() })).json as string[];
    const [voidingId] = (
      await xapi(tool, { body: statement({ verb: { id: VOIDED }, object: { objectType: "StatementRef", id: target } }) })
    ).json as string[];
    const again = await xapi(tool, { body: statement({ verb: { id: VOIDED }, object: { objectType: "StatementRef", id: voidingId } }) });
    expect(again.status).toBe(400);
    expect((await xapi(tool, { query: `statementId=${voidingId}` })).status).toBe(200);
  });

  it("accept voiding an unknown statement, and never void another tool's", async () => {
    const [foreign] = (await xapi(toolB, { body: statement() })).json as string[];
    const r = await xapi(tool, { body: statement({ verb: { id: VOIDED }, object: { objectType: "StatementRef", id: foreign } }) });
    expect(r.status).toBe(200);
    expect((await xapi(toolB, { query: `statementId=${foreign}` })).status).toBe(200);
  });
});

describe("reading with filters", () => {
  let reader: Credentials;
  const registration = randomUUID();
  const verbA = "https://x.example/verbs/read";
  const verbB = "https://x.example/verbs/skimmed";
  const ids: string[] = [];

  beforeAll(async () => {
    reader = await makeTool(s.school, "Filter tool");
    const bodies = [
      statement({ verb: { id: verbA }, actor: { mbox: "mailto:ana@example.com" } }),
      statement({ verb: { id: verbB }, actor: { mbox: "mailto:ben@example.com" }, context: { registration } }),
      statement({
        verb: { id: verbA },
        actor: { mbox: "mailto:ben@example.com" },
        object: { objectType: "Activity", id: "https://x.example/other" },
        context: { contextActivities: { parent: { id: ACTIVITY } }, instructor: { mbox: "mailto:teacher@example.com" } },
      }),
      statement({
        verb: { id: verbB },
        actor: { mbox: "mailto:cy@example.com" },
        object: { objectType: "Agent", mbox: "mailto:ana@example.com" },
      }),
    ];
    // One at a time, so that each is stored later than the one before.
    for (const body of bodies) {
      ids.push(((await xapi(reader, { body })).json as string[])[0] as string);
      await new Promise((r) => setTimeout(r, 5));
    }
  });

  const found = async (query: string) => ((await xapi(reader, { query })).json.statements as { id: string }[]).map((x) => x.id);

  it("filter by agent (actor or object), verb, activity, registration and the related_ flags", async () => {
    expect(await found(`agent=${encodeURIComponent(JSON.stringify({ mbox: "mailto:ana@example.com" }))}`)).toEqual([ids[3], ids[0]]);
    expect(await found(`agent=${encodeURIComponent(JSON.stringify({ mbox: "mailto:teacher@example.com" }))}`)).toEqual([]);
    expect(await found(`agent=${encodeURIComponent(JSON.stringify({ mbox: "mailto:teacher@example.com" }))}&related_agents=true`)).toEqual([
      ids[2],
    ]);
    expect(await found(`verb=${encodeURIComponent(verbA)}`)).toEqual([ids[2], ids[0]]);
    expect(await found(`activity=${encodeURIComponent(ACTIVITY)}`)).toEqual([ids[1], ids[0]]);
    expect(await found(`activity=${encodeURIComponent(ACTIVITY)}&related_activities=true`)).toEqual([ids[2], ids[1], ids[0]]);
    expect(await found(`registration=${registration}`)).toEqual([ids[1]]);
  });

  it("filter by since and until, order ascending, and page with a more link that keeps the filters", async () => {
    const rows = await db.xapiStatement.findMany({ where: { id: { in: ids } }, select: { id: true, stored: true } });
    const storedOf = new Map(rows.map((r) => [r.id, r.stored.toISOString()]));
    expect(await found(`since=${storedOf.get(ids[1] as string)}`)).toEqual([ids[3], ids[2]]);
    expect(await found(`until=${storedOf.get(ids[1] as string)}`)).toEqual([ids[1], ids[0]]);
    expect(await found("ascending=true")).toEqual(ids);

    const first = await xapi(reader, { query: `verb=${encodeURIComponent(verbA)}&limit=1` });
    expect((first.json.statements as { id: string }[]).map((x) => x.id)).toEqual([ids[2]]);
    const more = first.json.more as string;
    expect(more).toMatch(/^\/api\/xapi\/statements\?more=/);
    const second = await xapi(reader, { query: new URL(more, "http://localhost").search.slice(1) });
    expect((second.json.statements as { id: string }[]).map((x) => x.id)).toEqual([ids[0]]);
    expect(second.json.more).toBe("");
  });

  it("return ids and canonical formats", async () => {
    const ids1 = (await xapi(reader, { query: `statementId=${ids[0]}&format=ids` })).json;
    expect(ids1.object).toEqual({ id: ACTIVITY });
    expect(ids1.actor).toEqual({ objectType: "Agent", mbox: "mailto:ana@example.com" });
    const [multi] = (
      await xapi(reader, {
        body: statement({ verb: { id: verbA, display: { "en-US": "read", "fr-FR": "lu" } } }),
      })
    ).json as string[];
    const canonical = await xapi(reader, { query: `statementId=${multi}&format=canonical`, headers: { "Accept-Language": "fr" } });
    expect(canonical.json.verb).toEqual({ id: verbA, display: { "fr-FR": "lu" } });
  });

  it("answer the alternate request syntax", async () => {
    const form = new URLSearchParams({
      limit: "1",
      Authorization: `Basic ${Buffer.from(`${reader.key}:${reader.secret}`).toString("base64")}`,
      "X-Experience-API-Version": "1.0.3",
    });
    const r = await xapi(null, {
      method: "POST",
      query: "method=GET",
      body: form.toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Experience-API-Version": null },
    });
    expect(r.status).toBe(200);
    expect(r.json.statements).toHaveLength(1);
    const id = randomUUID();
    const put = new URLSearchParams({ statementId: id, content: JSON.stringify(statement()), "Content-Type": "application/json" });
    const stored = await xapi(reader, {
      method: "POST",
      query: "method=PUT",
      body: put.toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(stored.status).toBe(204);
    expect((await xapi(reader, { query: `statementId=${id}` })).status).toBe(200);
  });
});

describe("attachments", () => {
  const text = "What I learned about owls.";
  const sha2 = createHash("sha256").update(text).digest("hex");
  const attachment = {
    usageType: "https://x.example/usage/notes",
    display: { "en-US": "Notes" },
    contentType: "text/plain",
    length: text.length,
    sha2,
  };
  const withAttachment = statement({ attachments: [attachment] });
  const multipart = (hash: string) =>
    [
      "--b0undary",
      "Content-Type: application/json",
      "",
      JSON.stringify(withAttachment),
      "--b0undary",
      "Content-Type: text/plain",
      "Content-Transfer-Encoding: binary",
      `X-Experience-API-Hash: ${hash}`,
      "",
      text,
      "--b0undary--",
      "",
    ].join("\r\n");
  const asMultipart = { "Content-Type": "multipart/mixed; boundary=b0undary" };

  it("store content sent as multipart/mixed and return it with attachments=true", async () => {
    const r = await xapi(tool, { body: multipart(sha2), headers: asMultipart });
    expect(r.status).toBe(200);
    const [id] = r.json as string[];
    const plain = await xapi(tool, { query: `statementId=${id}&attachments=false` });
    expect(plain.headers.get("Content-Type")).toContain("application/json");
    const request = new Request(`http://localhost/api/xapi/statements?statementId=${id}&attachments=true`, {
      headers: { Authorization: basic(tool), "X-Experience-API-Version": "1.0.3" },
    });
    const response = await handleStatements(request);
    expect(response.headers.get("Content-Type")).toMatch(/^multipart\/mixed; boundary=/);
    const body = await response.text();
    expect(body).toContain(`X-Experience-API-Hash: ${sha2}`);
    expect(body).toContain(text);
  });

  it("keep content sent for an attachment that also has a fileUrl, and refuse a part no attachment names", async () => {
    const linked = statement({ attachments: [{ ...attachment, fileUrl: "https://x.example/notes.txt" }] });
    const body = multipart(sha2).replace(JSON.stringify(withAttachment), JSON.stringify(linked));
    const [id] = (await xapi(toolB, { body, headers: asMultipart })).json as string[];
    const response = await handleStatements(
      new Request(`http://localhost/api/xapi/statements?statementId=${id}&attachments=true`, {
        headers: { Authorization: basic(toolB), "X-Experience-API-Version": "1.0.3" },
      }),
    );
    expect(await response.text()).toContain(text);
    const stray = multipart(sha2).replace(JSON.stringify(withAttachment), JSON.stringify(statement()));
    expect((await xapi(toolB, { body: stray, headers: asMultipart })).status).toBe(400);
  });

  it("refuse attachments without their content, or content that does not match its hash", async () => {
    const never = createHash("sha256").update("never sent").digest("hex");
    const missing = await xapi(tool, {
      body: statement({ attachments: [{ ...attachment, sha2: never }] }),
    });
    expect(missing.status).toBe(400);
    expect(missing.json.message).toContain("is missing");
    const wrong = await xapi(tool, { body: multipart("0".repeat(64)), headers: asMultipart });
    expect(wrong.status).toBe(400);
  });
});

describe("tool isolation", () => {
  it("never lets a tool read another tool's statements, nor store under their ids", async () => {
    const [mine] = (await xapi(tool, { body: statement({ verb: { id: "https://x.example/verbs/private" } }) })).json as string[];
    expect((await xapi(toolB, { query: `statementId=${mine}` })).status).toBe(404);
    expect((await xapi(toolB, { query: `verb=${encodeURIComponent("https://x.example/verbs/private")}` })).json.statements).toEqual([]);
    expect(((await xapi(toolB, { query: "limit=0" })).json.statements as { id: string }[]).map((x) => x.id)).not.toContain(mine);
    // Same id, even the same content: another tool's id is a conflict, and the statement stays the first tool's.
    const sameContent = await xapi(toolB, {
      method: "PUT",
      query: `statementId=${mine}`,
      body: statement({ verb: { id: "https://x.example/verbs/private" } }),
    });
    expect(sameContent.status).toBe(409);
    expect((await db.xapiStatement.findUniqueOrThrow({ where: { id: mine as string } })).toolId).toBe(tool.id);
  });
});
