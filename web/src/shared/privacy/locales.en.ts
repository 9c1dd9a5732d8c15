/** English words of locales.ts, fetched only by those who read English (shared/i18n.ts). */
import type { Words } from "./locales.ts";

export const en: Words = {
  agree: "I have read and accept the terms of use and the privacy policy",
  agreeRequired: "Please tick to accept the terms of use and the privacy policy first",
  askTitle: "Please read and accept",
  askHint:
    "On your first sign-in, or when a document has a new version, you need to read and accept it to go on.",
  accept: "Accept and sign in",
  terms: "Terms of use",
  privacy: "Privacy policy",
  version: "Version {{version}} · published {{date}}",
  back: "Back",
  myData: "My data",
  myDataHint:
    "Download everything we hold about you: profile, applications, work, hours, pay, ratings, complaints, messages, consent records, and the record of staff who looked at your details.",
  downloadXlsx: "Download a spreadsheet (Excel)",
  downloadJson: "Download a JSON file",
  close: "Close my account",
  closeHint:
    "Closing erases your name, phone number and ID number at once, for good; wage and complaint records are kept as the privacy policy says, no longer linked to you.",
  closeConfirmLabel: "Type 注销 to confirm",
  closeSubmit: "Close the account",
  closed: "The account is closed",
};
