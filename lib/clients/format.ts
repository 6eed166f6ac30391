/** Display helpers shared by staff pages and the portal (no server-only: used in the browser too). */
export function displayName(c: { firstName: string; lastName: string; preferredName?: string | null }): string {
  return c.preferredName ? `${c.preferredName} ${c.lastName}` : `${c.firstName} ${c.lastName}`;
}

export function ageOn(dateOfBirth: string | null, today = new Date()): number | null {
  if (!dateOfBirth) return null;
  const [y, m, d] = dateOfBirth.split("-").map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--;
  return age;
}
