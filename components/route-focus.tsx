"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation that left focus nowhere (a form saved and moved on to another
 * page, taking its button with it), focus goes to the new page's main heading, so keyboard and
 * screen-reader users start at the result rather than at the top of the document. Focus that
 * is somewhere already (a link in the header, a status the page focused) is left alone.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const heading = document.querySelector<HTMLElement>("main h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
  }, [pathname]);
  return null;
}
