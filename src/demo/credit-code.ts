/**
 * Generates valid 统一社会信用代码 (GB 32100-2015) for demo enterprises: registering authority
 * and kind, six-digit division code, nine-character organisation code (GB 11714, with its own
 * check character) and the final check character (computed by the accounts area's validator).
 */
import { creditCodeCheck } from "../accounts/identity-codes.ts";
import type { Random } from "./random.ts";

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an eight-character organisation code body. */
function organisationCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body[i], 36) * ORG_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/** A valid code for an enterprise (9 1 = market regulator, company) registered in the division. */
export function generateCreditCode(divisionCode: string, random: Random): string {
  let body = "";
  for (let i = 0; i < 8; i++) body += String(random.int(0, 9));
  const first17 = `91${divisionCode}${body}${organisationCheck(body)}`;
  return first17 + creditCodeCheck(first17);
}
