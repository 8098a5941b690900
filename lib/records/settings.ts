// Where learning happened, as the record forms offer it: in a module without zod, so the forms
// render the choices and fetch their schemas (./schemas.ts) only when first used
// (components/lazy-resolver.ts).

export const SETTINGS = ["COMMUNITY", "HOME", "WORKPLACE", "ONLINE", "TRAVEL", "OTHER"] as const;
export type Setting = (typeof SETTINGS)[number];

export const SETTING_LABEL: Record<Setting, string> = {
  COMMUNITY: "In the community",
  HOME: "At home",
  WORKPLACE: "At a workplace",
  ONLINE: "Online",
  TRAVEL: "Travelling",
  OTHER: "Somewhere else",
};
