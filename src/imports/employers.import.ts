/**
 * Bulk import of the employers a bureau already knows (用人单位名录): 单位名称, 统一社会信用代码,
 * 联系人, 联系电话 (a mobile: the owner's account signs in with it) and 所在区县. Each becomes what
 * an employer's own registration makes (accounts/employer-profile.service.ts registerEmployer): an
 * enterprise whose owner account is the contact's phone, counted by the bureau as registered.
 *
 * Verified: the list is the bureau's own record of employers it deals with, imported by its admin
 * on its authority, so the employer starts verified (认证) by that admin, as if she had approved it
 * in the queue; staff can still reject it there. The import checks the code's check character, not
 * that it belongs to the name: a bureau unsure of its list checks it before importing.
 *
 * An employer whose credit code is already in the city is left as it is; a phone that already
 * owns another employer is rejected (one account, one employer). A sheet's 地址 is not kept: the
 * market keeps no address for an employer, each gig carries its own.
 */
import { accountErrors } from "../accounts/accounts.errors.ts";
import { findOrCreatePhoneUser } from "../accounts/accounts.repository.ts";
import { registerEmployer } from "../accounts/employer-profile.service.ts";
import { isValidCreditCode } from "../accounts/identity-codes.ts";
import type { AppError } from "../platform/errors.ts";
import { districtFinder, mobile, text } from "./checks.ts";
import { importErrors } from "./imports.errors.ts";
import * as repo from "./imports.repository.ts";
import type { Column, Importer, Settled } from "./run.ts";

export interface EmployerImportOptions {
  now: Date;
  /** The admin whose import verifies them; null from the command line, run by the operator. */
  verifiedBy: string | null;
}

type Field = "name" | "creditCode" | "contactName" | "phone" | "district";

interface Employer {
  name: string;
  creditCode: string;
  contactName: string;
  phone: string;
  districtCode: string;
}

/** Accepted headers of each column, Chinese first; the template has the first. */
export const EMPLOYER_COLUMNS = {
  name: { headers: ["单位名称", "name"], required: true, hint: { zh: "必填", en: "required" } },
  creditCode: {
    headers: ["统一社会信用代码", "credit_code"],
    required: true,
    hint: { zh: "18 位，核对校验位", en: "18 characters; the check character is checked" },
  },
  contactName: {
    headers: ["联系人", "contact_name"],
    required: false,
    hint: { zh: "可选", en: "optional" },
  },
  phone: {
    headers: ["联系电话", "手机号", "phone"],
    required: true,
    hint: {
      zh: "联系人的 11 位手机号，用人单位用它登录",
      en: "the contact's 11-digit mobile number; the employer signs in with it",
    },
  },
  district: {
    headers: ["所在区县", "区县代码", "district"],
    required: true,
    hint: { zh: "本市区县的名称或代码", en: "name or code of a district of the city" },
  },
} satisfies Record<Field, Column>;

export function employersImport(options: EmployerImportOptions): Importer<Field, Employer> {
  return {
    label: "name",
    columns: EMPLOYER_COLUMNS,

    async prepare(db, scope) {
      const district = await districtFinder(db, scope);
      return (row) => {
        const reasons: AppError[] = [];
        const name = text(reasons, row.name, "单位名称", { max: 60, required: true });
        const creditCode = row.creditCode.replace(/\s/g, "").toUpperCase();
        if (!isValidCreditCode(creditCode)) reasons.push(accountErrors.credit_code_invalid());
        const contactName = text(reasons, row.contactName, "联系人", { max: 30 });
        const phone = mobile(reasons, row.phone);
        const place = district(reasons, row.district);
        if (reasons.length > 0 || !place) return { reasons };
        return {
          keys: { 统一社会信用代码: creditCode, 联系电话: phone },
          item: { name, creditCode, contactName, phone, districtCode: place.code },
        };
      };
    },

    async settle(tx, employers, scope) {
      const known = await repo.creditCodesOnFile(
        tx,
        scope.cityCode,
        employers.map((e) => e.creditCode),
      );
      const accounts = await repo.employerAccounts(
        tx,
        scope.cityCode,
        employers.map((e) => e.phone),
      );
      return employers.map((e): Settled => {
        if (known.has(e.creditCode)) return "existing";
        const account = accounts.get(e.phone);
        if (account?.employerId) return [importErrors.phone_has_employer()];
        if (account && account.status !== "active") return [accountErrors.account_disabled()];
        return "new";
      });
    },

    async insert(tx, employers, scope) {
      for (const e of employers) {
        const owner = await findOrCreatePhoneUser(tx, scope.cityCode, "employer", e.phone, options.now);
        await registerEmployer(tx, {
          cityCode: scope.cityCode,
          ownerUserId: owner.id,
          kind: "enterprise",
          name: e.name,
          creditCode: e.creditCode,
          contactName: e.contactName,
          districtCode: e.districtCode,
          verification: "verified",
          verifiedAt: options.now,
          verifiedBy: options.verifiedBy,
          createdAt: options.now,
        });
      }
    },
  };
}
