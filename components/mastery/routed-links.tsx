"use client";
import { useRouter } from "next/navigation";
import type { ComponentProps, MouseEvent } from "react";

/**
 * A container whose plain links (HTML written as a string, like the class grid's rows) open
 * through the app's router as <Link> would, without a full page load. A click with a modifier
 * key or another button, a link to elsewhere, a download or a link with a target stays the
 * browser's. Enter on a focused link clicks it, so the keyboard goes the same way.
 */
export function RoutedLinks({ children, ...props }: ComponentProps<"div">) {
  const router = useRouter();
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest("a");
    if (!link || link.target || link.hasAttribute("download") || link.origin !== window.location.origin) return;
    event.preventDefault();
    router.push(`${link.pathname}${link.search}${link.hash}`);
  };
  return (
    <div {...props} onClick={onClick}>
      {children}
    </div>
  );
}
