/**
 * The Alibaba Cloud clients against a local stub that checks each request's signature the way the
 * service does: 短信 SendSms, 隐私号 BindAxb and UnbindSubscription.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import { AliyunNumberMasking, beijingDateTime } from "../privacy/number-masking.ts";
import { AliyunError, callAliyun, signature } from "./aliyun-rpc.ts";
import { AliyunSmsProvider, missingTemplateCodes } from "./aliyun-sms.ts";

const credentials = { accessKeyId: "testId", accessKeySecret: "testSecret" };

describe("Alibaba Cloud RPC signature", () => {
  it("matches the documented example of SendSms", () => {
    // The example of 阿里云短信服务's signature documentation (a GET request).
    const params = {
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "45e25e9b-0a6f-4070-8c85-2956eda1b466",
      AccessKeyId: "testId",
      SignatureVersion: "1.0",
      Timestamp: "2017-07-12T02:42:19Z",
      Format: "XML",
      Action: "SendSms",
      Version: "2017-05-25",
      RegionId: "cn-hangzhou",
      PhoneNumbers: "15300000001",
      SignName: "阿里云短信测试专用",
      TemplateParam: '{"customer":"test"}',
      TemplateCode: "SMS_71390007",
      OutId: "123",
    };
    assert.equal(signature(params, "testSecret", "GET"), "zJDF+Lrzhj/ThnlvIToysFRq6t4=");
  });
});

describe("Alibaba Cloud clients against a stub", () => {
  let server: Server;
  let endpoint: string;
  const received: Record<string, string>[] = [];
  /** What the stub answers next, by action. */
  let answers: Record<string, { status?: number; body: unknown }> = {};

  before(async () => {
    server = createServer((request, response) => {
      let raw = "";
      request.on("data", (chunk) => {
        raw += chunk;
      });
      request.on("end", () => {
        const params = Object.fromEntries(new URLSearchParams(raw));
        const { Signature, ...signed } = params;
        const valid =
          request.method === "POST" && Signature === signature(signed, credentials.accessKeySecret);
        received.push(params);
        const answer = valid
          ? (answers[params.Action ?? ""] ?? { body: { Code: "OK", Message: "OK" } })
          : {
              status: 400,
              body: { Code: "SignatureDoesNotMatch", Message: "Specified signature is not matched" },
            };
        response.writeHead(answer.status ?? 200, { "content-type": "application/json" });
        response.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    answers = {};
  });

  const sms = () =>
    new AliyunSmsProvider({
      credentials,
      endpoint,
      signName: "零工市场",
      templateCodes: { SMS_LG_SIGN_IN_CODE: "SMS_100000001", SMS_LG_ACCEPTED: "SMS_100000002" },
    });

  it("sends a notification as its approved template, with the outbox id as OutId", async () => {
    answers.SendSms = { body: { Code: "OK", Message: "OK", BizId: "900619746936498440^0" } };
    const sent = await sms().sendTemplate({
      outId: "3f1c7a52-0000-4000-8000-000000000001",
      phone: "13800001111",
      signName: "零工市场",
      templateId: "SMS_LG_ACCEPTED",
      params: { gig: "洗碗工", time: "今晚6点", address: "京口区中山东路1号" },
      text: "…",
    });
    assert.equal(sent.providerMessageId, "900619746936498440^0");
    const [request] = received;
    assert.equal(request?.Action, "SendSms");
    assert.equal(request?.Version, "2017-05-25");
    assert.equal(request?.PhoneNumbers, "13800001111");
    assert.equal(request?.SignName, "零工市场");
    assert.equal(request?.TemplateCode, "SMS_100000002");
    assert.deepEqual(JSON.parse(request?.TemplateParam ?? ""), {
      gig: "洗碗工",
      time: "今晚6点",
      address: "京口区中山东路1号",
    });
    assert.equal(request?.OutId, "3f1c7a52-0000-4000-8000-000000000001");
  });

  it("sends a sign-in code through the code template", async () => {
    await sms().send("13800001111", "【零工市场】您的登录验证码是123456", "123456");
    assert.equal(received[0]?.TemplateCode, "SMS_100000001");
    assert.equal(received[0]?.TemplateParam, '{"code":"123456"}');
  });

  it("says which refusals are worth retrying", async () => {
    answers.SendSms = { body: { Code: "isv.BUSINESS_LIMIT_CONTROL", Message: "触发分钟级流控" } };
    await assert.rejects(
      sms().send("13800001111", "", "123456"),
      (error: unknown) =>
        error instanceof AliyunError && error.retryable && error.code === "isv.BUSINESS_LIMIT_CONTROL",
    );
    answers.SendSms = { body: { Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "非法手机号" } };
    await assert.rejects(
      sms().send("1380000", "", "123456"),
      (error: unknown) => error instanceof AliyunError && !error.retryable,
    );
    await assert.rejects(
      callAliyun(
        { ...credentials, accessKeySecret: "wrong" },
        { endpoint, version: "2017-05-25", action: "SendSms", params: {} },
      ),
      /SignatureDoesNotMatch/,
    );
    await assert.rejects(
      callAliyun(credentials, {
        endpoint: "http://127.0.0.1:1/",
        version: "2017-05-25",
        action: "SendSms",
        params: {},
      }),
      (error: unknown) => error instanceof AliyunError && error.code === "Unreachable" && error.retryable,
    );
  });

  it("refuses a template the gateway has no code for, and lists missing codes", async () => {
    await assert.rejects(
      sms().sendTemplate({
        outId: "x",
        phone: "13800001111",
        signName: "",
        templateId: "SMS_LG_OTHER",
        params: {},
        text: "",
      }),
      /no gateway template code for SMS_LG_OTHER/,
    );
    assert.equal(received.length, 0);
    assert.deepEqual(
      missingTemplateCodes({ SMS_LG_ACCEPTED: "SMS_1" }, ["SMS_LG_ACCEPTED", "SMS_LG_DECLINED"]),
      ["SMS_LG_SIGN_IN_CODE", "SMS_LG_DECLINED"],
    );
  });

  it("binds a worker and an employer to a private number until a Beijing time, and releases it", async () => {
    answers.BindAxb = {
      body: {
        Code: "OK",
        Message: "OK",
        SecretBindDTO: { SubsId: "1000000768798832", SecretNo: "17000001234", Extension: "" },
      },
    };
    const provider = new AliyunNumberMasking({ credentials, endpoint, poolKey: "FC100000001" });
    const expiresAt = new Date("2026-12-05T10:00:00Z");
    const binding = await provider.bind({
      outId: "booking-1",
      phoneA: "13800001111",
      phoneB: "13900002222",
      expiresAt,
    });
    assert.deepEqual(binding, { subsId: "1000000768798832", number: "17000001234" });
    assert.equal(received[0]?.Action, "BindAxb");
    assert.equal(received[0]?.PoolKey, "FC100000001");
    assert.equal(received[0]?.PhoneNoA, "13800001111");
    assert.equal(received[0]?.PhoneNoB, "13900002222");
    assert.equal(received[0]?.Expiration, "2026-12-05 18:00:00");
    assert.equal(received[0]?.OutId, "booking-1");
    assert.equal(beijingDateTime(new Date("2026-12-31T16:30:00Z")), "2027-01-01 00:30:00");

    await provider.unbind(binding);
    assert.equal(received[1]?.Action, "UnbindSubscription");
    assert.equal(received[1]?.SubsId, "1000000768798832");
    assert.equal(received[1]?.SecretNo, "17000001234");

    answers.BindAxb = { body: { Code: "isv.NO_AVAILABLE_NUMBER", Message: "无可用号码" } };
    await assert.rejects(
      provider.bind({ outId: "booking-2", phoneA: "13800001111", phoneB: "13900002222", expiresAt }),
      /isv\.NO_AVAILABLE_NUMBER/,
    );
  });
});
