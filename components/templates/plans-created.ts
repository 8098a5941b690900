/** "24 plans were created", or why none were: one catalogue message, chosen by the count. */
export function plansCreatedMessage(t: (key: "plansCreated", values: { count: number }) => string, created: number) {
  return t("plansCreated", { count: created });
}
