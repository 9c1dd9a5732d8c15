/**
 * Masks a mobile number as 138****5678. Workers complain of numbers sold or spammed, so an
 * employer sees the full number only once the worker is booked with them.
 * (The accounts area's privacy module replaces this once it lands.)
 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  if (phone.length < 7) return "****";
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
