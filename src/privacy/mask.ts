/**
 * Masks personal data for display. Workers complain most of phone numbers sold or spammed,
 * so a number is shown in full only to someone who needs it (an employer once the worker is
 * booked with them; staff through an audited view).
 */

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return "****";
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 身份证号 320102196505061234 → 3201**********1234 */
export function maskIdNumber(idNumber: string | null | undefined): string | null {
  if (!idNumber) return null;
  if (idNumber.length < 8) return "****";
  return `${idNumber.slice(0, 4)}${"*".repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/** 张三丰 → 张**; a name is masked to its surname (first character). */
export function maskName(name: string | null | undefined): string {
  if (!name) return "";
  const chars = [...name];
  return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
}

/**
 * The number one party of a booking is shown for the other: masked unless they may call; then the
 * other's own number, or with private numbers on (`privateNumber` given) the booking's X, masked
 * while none could be made.
 */
export function numberShown(
  own: string | null,
  callable: boolean,
  privateNumber?: string | null,
): string | null {
  if (!callable) return maskPhone(own);
  if (privateNumber === undefined) return own;
  return privateNumber ?? maskPhone(own);
}
