/** "24 plans were created", or why none were. */
export function plansCreatedMessage(created: number) {
  if (created === 0) return "Every student in the class already has a plan from this template.";
  return created === 1 ? "1 plan was created." : `${created} plans were created.`;
}
