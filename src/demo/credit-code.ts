/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — registering authority, organisation kind,
 * six-digit division code, nine-character organisation code (GB 11714, with its own check
 * character) and a final check character over the first seventeen.
 */
import type { Random } from "./random.ts";

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an eight-character organisation code body. */
function organisationCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body[i], 36) * ORG_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

function creditCheck(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * CREDIT_WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** A valid code for an enterprise (9 1 = market regulator, company) registered in the division. */
export function generateCreditCode(divisionCode: string, random: Random): string {
  let body = "";
  for (let i = 0; i < 8; i++) body += String(random.int(0, 9));
  const first17 = `91${divisionCode}${body}${organisationCheck(body)}`;
  return first17 + creditCheck(first17);
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCheck(code.slice(0, 17)) === code[17];
}
