import Link from "next/link";

/** Previous / next links of a keyset page (there is no page count: counting would cost as much as the page). */
export function KeysetNav({
  previous,
  next,
  href,
}: {
  previous: string | null;
  next: string | null;
  href: (cursor: { after: string } | { before: string }) => string;
}) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
      {previous ? (
        <Link href={href({ before: previous })} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={href({ after: next })} rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
