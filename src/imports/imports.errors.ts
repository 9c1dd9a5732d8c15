/**
 * Errors of the bulk imports: the file as a whole (unreadable, columns missing) and the reasons a
 * row is rejected. A row's reasons are errors too, never thrown: each has its stable code and its
 * words in both languages, and where a form makes the same check (an ID number, a credit code, a
 * district) the row is rejected with that form's error, in the same words.
 */
import { defineErrors } from "../platform/errors.ts";

export const importErrors = defineErrors({
  import_file_unreadable: {
    status: 400,
    zh: "无法读取该文件：请上传 .xlsx 表格或 UTF-8 编码的 .csv 文件",
    en: "The file cannot be read: upload an .xlsx workbook or a UTF-8 .csv file",
  },
  import_columns_missing: {
    status: 400,
    zh: "表头缺少必需的列：{columns}。请下载模板，按模板的表头填写",
    en: "The header row lacks required columns: {columns}. Download the template and use its headers",
  },
  value_missing: { status: 400, zh: "“{column}”为空", en: "“{column}” is empty" },
  value_too_long: {
    status: 400,
    zh: "“{column}”超过 {max} 个字",
    en: "“{column}” is longer than {max} characters",
  },
  phone_invalid: {
    status: 400,
    zh: "手机号不是 11 位大陆手机号",
    en: "Not an 11-digit mainland mobile number",
  },
  landline_invalid: {
    status: 400,
    zh: "电话只能包含数字、空格、括号、加号和连字符",
    en: "A phone number holds only digits, spaces, brackets, plus and hyphens",
  },
  duplicate_in_file: {
    status: 400,
    zh: "与文件中前面的一行重复（{what}）",
    en: "Repeats an earlier row of the file ({what})",
  },
  id_number_taken: {
    status: 400,
    zh: "该身份证号已登记在另一个手机号下",
    en: "This ID number is registered under another phone",
  },
  phone_has_employer: {
    status: 400,
    zh: "该手机号已是另一家用人单位的账号",
    en: "This phone already signs in for another employer",
  },
  station_kind_unknown: {
    status: 400,
    zh: "类型应为“零工市场”或“驿站”",
    en: "The type must be 零工市场 (gig market) or 驿站 (station)",
  },
});
