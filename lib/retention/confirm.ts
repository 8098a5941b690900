// Confirming the deletion of the students listed as due by typing how many there are: the form
// checks it in the browser and the command again (./commands.ts). No zod here, so the form's
// first load stays small (components/lazy-resolver.ts).

export function countMatches(typed: string, n: number): boolean {
  return /^\d+$/.test(typed.trim()) && Number(typed.trim()) === n;
}
