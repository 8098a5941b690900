// A form validates in the browser with the same zod schema its server action parses, but zod and
// the resolver are fetched when the form is first focused or sent, not with the page: zod alone
// is about 40 kB gzip, which would put every page with a form over its first-load budget
// (issue 12: 150 kB). Define the resolver once per module, beside the form:
//
//   const resolver = lazyZodResolver<RatingFormInput>(() => import("@/lib/evidence/schemas").then((m) => m.ratingFormSchema));
//   …useForm({ resolver, … }) and <form onFocus={resolver.preload} …>
//
// The schema module must then be imported for types only (`import type`) everywhere on the
// client, or the bundler puts it (and zod) back in the page's first load.
import type { FieldValues, Resolver } from "react-hook-form";
import type { ZodType } from "zod";

export type LazyResolver<T extends FieldValues> = Resolver<T> & { preload: () => void };

export function lazyZodResolver<T extends FieldValues>(loadSchema: () => Promise<ZodType>): LazyResolver<T> {
  let loaded: Promise<Resolver<T>> | null = null;
  const load = () => {
    loaded ??= Promise.all([loadSchema(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) => zodResolver(schema as never) as unknown as Resolver<T>,
    );
    // A failed fetch (offline for a moment) is tried again at the next validation.
    loaded.catch(() => (loaded = null));
    return loaded;
  };
  const resolver: Resolver<T> = async (values, context, options) => {
    const resolve = await load().catch(() => null);
    // Could not fetch the checks (offline for a moment): send, and the server checks the same rules.
    return resolve ? resolve(values, context, options) : { values, errors: {} };
  };
  return Object.assign(resolver, { preload: () => void load().catch(() => undefined) });
}
