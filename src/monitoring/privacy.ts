/**
 * Masking of personal data in the monitoring drill-down lists. The bureau sees who is
 * behind a figure only as 王** and 138****5678; full data stays with the staff who serve them.
 * (Local to monitoring until a shared privacy module exists.)
 */

/** 王小明 → 王**; a single character stays as it is. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join("");
  return `${chars[0]}${"*".repeat(chars.length - 1)}`;
}

/** 13812345678 → 138****5678; anything that is not a mainland mobile number is hidden entirely. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "****";
}
