/**
 * The outside world as configured: the SMS gateway and the private-number provider. A gateway
 * whose template map misses one of linggong's templates stops the start, so a message is never
 * found unsendable at seven in the morning.
 */
import { smsTemplateIds } from "../notifications/templates.ts";
import { AliyunSmsProvider, missingTemplateCodes } from "../platform/aliyun-sms.ts";
import type { Config } from "../platform/config.ts";
import { LogSmsProvider, type SmsProvider } from "../platform/sms.ts";
import {
  AliyunNumberMasking,
  LogNumberMasking,
  type NumberMaskingProvider,
} from "../privacy/number-masking.ts";

export function smsProviderFrom(config: Config): SmsProvider {
  if (config.smsProvider === "log") return new LogSmsProvider();
  const { aliyun } = config;
  const missing = missingTemplateCodes(aliyun.smsTemplateCodes, smsTemplateIds());
  if (missing.length > 0)
    throw new Error(`LINGGONG_SMS_TEMPLATE_CODES has no gateway code for ${missing.join(", ")}`);
  return new AliyunSmsProvider({
    credentials: { accessKeyId: aliyun.accessKeyId ?? "", accessKeySecret: aliyun.accessKeySecret ?? "" },
    endpoint: aliyun.smsUrl,
    signName: aliyun.smsSignName,
    templateCodes: aliyun.smsTemplateCodes,
  });
}

export function numberMaskingFrom(config: Config): NumberMaskingProvider | undefined {
  if (config.numberMasking === "off") return undefined;
  if (config.numberMasking === "log") return new LogNumberMasking();
  const { aliyun } = config;
  return new AliyunNumberMasking({
    credentials: { accessKeyId: aliyun.accessKeyId ?? "", accessKeySecret: aliyun.accessKeySecret ?? "" },
    endpoint: aliyun.numbersUrl,
    poolKey: aliyun.numberPoolKey ?? "",
  });
}
