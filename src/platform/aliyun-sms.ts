/**
 * 阿里云短信服务 (Dysmsapi 2017-05-25, action SendSms) as the SMS gateway. Chinese gateways send
 * only templates approved in advance, under an approved signature: the deployment maps each of
 * linggong's template ids (SMS_LG_…, and SMS_LG_SIGN_IN_CODE for sign-in codes) to the code its
 * console gave (LINGGONG_SMS_TEMPLATE_CODES). A template without a code fails at start, not at
 * the first message (see `missingTemplateCodes`).
 *
 * `OutId` carries the outbox row's id: the gateway returns it in delivery receipts. Unlike the log
 * provider, Dysmsapi does not drop a second request with the same OutId, so a message can reach a
 * phone twice if an instance dies between the gateway's answer and the row being marked sent.
 */
import { type AliyunCredentials, callAliyun } from "./aliyun-rpc.ts";
import type { SmsProvider, TemplateSms } from "./sms.ts";

/** The template of sign-in codes; its one variable is `code`. */
export const SIGN_IN_CODE_TEMPLATE = "SMS_LG_SIGN_IN_CODE";

export interface AliyunSmsOptions {
  credentials: AliyunCredentials;
  endpoint: string;
  signName: string;
  /** linggong's template id → the gateway's template code. */
  templateCodes: Record<string, string>;
}

export function missingTemplateCodes(templateCodes: Record<string, string>, templateIds: string[]): string[] {
  return [SIGN_IN_CODE_TEMPLATE, ...templateIds].filter((id) => !templateCodes[id]);
}

export class AliyunSmsProvider implements SmsProvider {
  readonly name = "aliyun";

  constructor(private readonly options: AliyunSmsOptions) {}

  async send(phone: string, _text: string, code?: string): Promise<void> {
    if (!code) throw new Error("the SMS gateway sends only templates: a sign-in code is expected");
    await this.sendSms(phone, SIGN_IN_CODE_TEMPLATE, { code });
  }

  async sendTemplate(message: TemplateSms): Promise<{ providerMessageId: string }> {
    const bizId = await this.sendSms(message.phone, message.templateId, message.params, message.outId);
    return { providerMessageId: bizId };
  }

  private async sendSms(phone: string, templateId: string, params: Record<string, string>, outId?: string) {
    const templateCode = this.options.templateCodes[templateId];
    if (!templateCode) throw new Error(`no gateway template code for ${templateId}`);
    const answer = await callAliyun(this.options.credentials, {
      endpoint: this.options.endpoint,
      version: "2017-05-25",
      action: "SendSms",
      params: {
        PhoneNumbers: phone,
        SignName: this.options.signName,
        TemplateCode: templateCode,
        TemplateParam: JSON.stringify(params),
        ...(outId ? { OutId: outId } : {}),
      },
    });
    return String(answer.BizId ?? "");
  }
}
