"use client";

import dynamic from "next/dynamic";

// Charts are drawn in the browser after the page has loaded: recharts (about 100 kB gzip) stays
// out of every page's first load (issue 12: 150 kB) and out of the server's render. The box
// around each chart has its size and accessible name from the server, and the same numbers are
// in a table beside it, so nothing is missing before the chart appears.
export const LazyLineChart = dynamic(() => import("./line-chart"), { ssr: false });
export const LazyBarChart = dynamic(() => import("./bar-chart"), { ssr: false });
