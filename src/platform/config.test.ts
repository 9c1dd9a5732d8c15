import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { smsTemplateIds } from "../notifications/templates.ts";
import { numberMaskingFrom, smsProviderFrom } from "../system/providers.ts";
import { SIGN_IN_CODE_TEMPLATE } from "./aliyun-sms.ts";
import { loadConfig } from "./config.ts";

describe("the public URL links point to", () => {
  it("defaults to the address the server listens on, in development", () => {
    assert.equal(loadConfig({}).publicUrl, "http://127.0.0.1:3000");
    assert.equal(loadConfig({ HOST: "0.0.0.0", PORT: "8080" }).publicUrl, "http://127.0.0.1:8080");
  });

  it("is taken from LINGGONG_PUBLIC_URL without its trailing slash", () => {
    const config = loadConfig({ LINGGONG_PUBLIC_URL: "https://linggong.example.gov.cn/app/" });
    assert.equal(config.publicUrl, "https://linggong.example.gov.cn/app");
  });

  it("refuses to start with an address links cannot use", () => {
    assert.throws(() => loadConfig({ LINGGONG_PUBLIC_URL: "javascript:alert(1)" }), /http or https/);
    assert.throws(() => loadConfig({ LINGGONG_PUBLIC_URL: "not a url" }));
  });
});

describe("the addresses of the cities", () => {
  it("map each host of LINGGONG_CITY_HOSTS to its city, none unless told", () => {
    assert.deepEqual(loadConfig({}).cityHosts, {});
    const config = loadConfig({
      LINGGONG_CITY_HOSTS: "Nanjing.example.gov.cn=320100, zj.example.gov.cn=321100",
    });
    assert.deepEqual(config.cityHosts, { "nanjing.example.gov.cn": "320100", "zj.example.gov.cn": "321100" });
  });

  it("refuse a pair without a 6-digit city code", () => {
    assert.throws(() => loadConfig({ LINGGONG_CITY_HOSTS: "nanjing.example.gov.cn" }), /LINGGONG_CITY_HOSTS/);
    assert.throws(() => loadConfig({ LINGGONG_CITY_HOSTS: "nanjing.example.gov.cn=南京" }), /6-digit/);
  });
});

describe("the read replica's settings", () => {
  it("take DATABASE_READ_URL and a lag limit of 30 s unless told otherwise", () => {
    assert.equal(loadConfig({}).databaseReadUrl, undefined);
    assert.equal(loadConfig({}).maxReplicaLagSeconds, 30);
    const config = loadConfig({ DATABASE_READ_URL: "postgres://r/x", DATABASE_READ_MAX_LAG_SECONDS: "5" });
    assert.equal(config.databaseReadUrl, "postgres://r/x");
    assert.equal(config.maxReplicaLagSeconds, 5);
  });

  it("refuse a lag limit that is not a number of seconds", () => {
    assert.throws(() => loadConfig({ DATABASE_READ_MAX_LAG_SECONDS: "soon" }), /number of seconds/);
    assert.throws(() => loadConfig({ DATABASE_READ_MAX_LAG_SECONDS: "-1" }), /number of seconds/);
  });
});

describe("the SMS gateway and private numbers", () => {
  const keys = { LINGGONG_ALIYUN_ACCESS_KEY_ID: "id", LINGGONG_ALIYUN_ACCESS_KEY_SECRET: "secret" };
  const allCodes = Object.fromEntries(
    [SIGN_IN_CODE_TEMPLATE, ...smsTemplateIds()].map((id, i) => [id, `SMS_${100000 + i}`]),
  );

  it("write to the log and show no private numbers unless told otherwise", () => {
    const config = loadConfig({});
    assert.equal(config.smsProvider, "log");
    assert.equal(config.numberMasking, "off");
    assert.equal(smsProviderFrom(config).name, "log");
    assert.equal(numberMaskingFrom(config), undefined);
    assert.equal(numberMaskingFrom(loadConfig({ LINGGONG_NUMBER_MASKING: "log" }))?.name, "log");
  });

  it("refuse an unknown provider, a missing key or pool, and a template map that is not JSON", () => {
    assert.throws(() => loadConfig({ LINGGONG_SMS_PROVIDER: "smsbao" }), /log, aliyun/);
    assert.throws(() => loadConfig({ LINGGONG_NUMBER_MASKING: "yes" }), /off, log, aliyun/);
    assert.throws(() => loadConfig({ LINGGONG_SMS_PROVIDER: "aliyun" }), /ACCESS_KEY_ID/);
    assert.throws(() => loadConfig({ ...keys, LINGGONG_NUMBER_MASKING: "aliyun" }), /NUMBER_POOL_KEY/);
    assert.throws(() => loadConfig({ LINGGONG_SMS_TEMPLATE_CODES: "SMS_LG_ACCEPTED=1" }), /JSON object/);
    assert.throws(() => loadConfig({ LINGGONG_SMS_TEMPLATE_CODES: "[1]" }), /JSON object/);
  });

  it("start the aliyun gateway only when every template has its code", () => {
    const partial = loadConfig({
      ...keys,
      LINGGONG_SMS_PROVIDER: "aliyun",
      LINGGONG_SMS_TEMPLATE_CODES: JSON.stringify({ SMS_LG_ACCEPTED: "SMS_1" }),
    });
    assert.throws(() => smsProviderFrom(partial), /no gateway code for SMS_LG_SIGN_IN_CODE, /);
    const full = loadConfig({
      ...keys,
      LINGGONG_SMS_PROVIDER: "aliyun",
      LINGGONG_SMS_TEMPLATE_CODES: JSON.stringify(allCodes),
      LINGGONG_NUMBER_MASKING: "aliyun",
      LINGGONG_NUMBER_POOL_KEY: "FC100000001",
    });
    assert.equal(smsProviderFrom(full).name, "aliyun");
    assert.equal(numberMaskingFrom(full)?.name, "aliyun");
    assert.equal(full.demo, false, "never demo mode with a real gateway");
  });
});
