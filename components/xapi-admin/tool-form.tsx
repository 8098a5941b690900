"use client";

import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { CreateToolInput } from "@/lib/xapi/schemas";
import type { CreatedTool } from "@/lib/xapi/tools";

const resolver = lazyZodResolver<CreateToolInput>(() => import("@/lib/xapi/schemas").then((m) => m.createToolSchema));

/** Creates a connected tool, then shows its key and secret this one time, with where to send statements. */
export function ToolForm({
  schools,
  endpoint,
  create,
}: {
  schools: { id: string; name: string }[];
  /** The statement receiver's address, as the tool is to be configured. */
  endpoint: string;
  create: ServerAction<CreateToolInput, CreatedTool>;
}) {
  const empty = { name: "", schoolId: schools.length === 1 ? (schools[0]?.id ?? "") : "" };
  const form = useForm<CreateToolInput>({ resolver, defaultValues: empty, mode: "onTouched" });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const [created, setCreated] = useState<CreatedTool | null>(null);
  const createdRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await create(values);
    if (!server.apply(result) || !result.ok) return;
    form.reset(empty);
    setCreated(result.data);
  });

  return (
    <div className="space-y-4">
      {created ? (
        <div
          ref={createdRef}
          tabIndex={-1}
          role="status"
          aria-labelledby="created-tool-heading"
          className="space-y-2 rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950 outline-none focus:ring-2 focus:ring-amber-600"
        >
          <h3 id="created-tool-heading" className="text-base">
            {created.name} is connected. Copy its secret now
          </h3>
          <p>
            This is the only time the secret is shown: Pathways keeps only a scrambled form of it. If it is lost, revoke the tool and create
            a new one.
          </p>
          <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[8rem_1fr]">
            <dt className="font-medium">Endpoint</dt>
            <dd className="font-mono break-all">{endpoint}</dd>
            <dt className="font-medium">Key</dt>
            <dd className="font-mono break-all" data-testid="tool-key">
              {created.key}
            </dd>
            <dt className="font-medium">Secret</dt>
            <dd className="font-mono break-all" data-testid="tool-secret">
              {created.secret}
            </dd>
          </dl>
          <Button type="button" variant="secondary" onClick={() => setCreated(null)}>
            I have copied the secret
          </Button>
        </div>
      ) : null}
      <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label="Connect a tool" className="space-y-4">
        <FormError message={server.error} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="tool-name" label="Tool name" hint="As students and teachers know it." error={errors.name?.message}>
            <input
              id="tool-name"
              type="text"
              maxLength={100}
              className={inputClass}
              {...describedBy("tool-name", { hint: true, error: errors.name?.message })}
              {...form.register("name")}
            />
          </Field>
          <Field
            id="tool-school"
            label="School"
            hint="Its statements can become suggestions for this school's students."
            error={errors.schoolId?.message}
          >
            <select
              id="tool-school"
              className={inputClass}
              {...describedBy("tool-school", { hint: true, error: errors.schoolId?.message })}
              {...form.register("schoolId")}
            >
              <option value="">Choose a school</option>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Connecting…" : "Connect tool"}
        </Button>
      </form>
    </div>
  );
}
