/**
 * Alibaba Cloud's RPC-style API (短信服务 Dysmsapi, 号码隐私保护 Dyplsapi), as documented for
 * signature version 1.0: every parameter goes in the query, sorted by name and percent-encoded
 * (RFC 3986: only A–Z a–z 0–9 - _ . ~ stay as they are), and
 *
 *   StringToSign = "POST&%2F&" + percentEncode(canonicalQuery)     (this client always POSTs)
 *   Signature    = base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))
 *
 * The answer is JSON with `Code` "OK" on success, else an error code and `Message`. The endpoint
 * comes from configuration so tests can point it at a local stub (src/platform/aliyun-rpc.test.ts).
 */
import { createHmac, randomUUID } from "node:crypto";

export interface AliyunCredentials {
  accessKeyId: string;
  accessKeySecret: string;
}

export interface AliyunRequest {
  /** e.g. https://dysmsapi.aliyuncs.com/ */
  endpoint: string;
  /** The API's version, e.g. 2017-05-25. */
  version: string;
  action: string;
  params: Record<string, string>;
}

/** An answer other than `Code: "OK"`, or no answer. `retryable` says whether a later try may pass. */
export class AliyunError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(`${code}: ${message}`);
    this.name = "AliyunError";
  }
}

const TIMEOUT_MS = 5_000;

/** Codes that mean "not now" rather than "never": throttling and the service's own faults. */
const RETRYABLE = /^(Throttling|ServiceUnavailable|InternalError|isv\.BUSINESS_LIMIT_CONTROL|isp\.)/;

export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key] as string)}`)
    .join("&");
}

export function signature(
  params: Record<string, string>,
  accessKeySecret: string,
  method: "GET" | "POST" = "POST",
): string {
  const stringToSign = `${method}&${percentEncode("/")}&${percentEncode(canonicalQuery(params))}`;
  return createHmac("sha1", `${accessKeySecret}&`).update(stringToSign).digest("base64");
}

/** The signed parameters of one call; `now` and `nonce` are given by tests. */
export function signedParams(
  credentials: AliyunCredentials,
  request: Omit<AliyunRequest, "endpoint">,
  now = new Date(),
  nonce: string = randomUUID(),
): Record<string, string> {
  const params: Record<string, string> = {
    ...request.params,
    AccessKeyId: credentials.accessKeyId,
    Action: request.action,
    Format: "JSON",
    RegionId: "cn-hangzhou",
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: nonce,
    SignatureVersion: "1.0",
    Timestamp: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    Version: request.version,
  };
  return { ...params, Signature: signature(params, credentials.accessKeySecret) };
}

/** Calls one action; resolves with the answer's body when its `Code` is "OK". */
export async function callAliyun(
  credentials: AliyunCredentials,
  request: AliyunRequest,
): Promise<Record<string, unknown>> {
  const body = new URLSearchParams(signedParams(credentials, request));
  let response: Response;
  try {
    response = await fetch(request.endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new AliyunError("Unreachable", error instanceof Error ? error.message : String(error), true);
  }
  const answer = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!answer)
    throw new AliyunError(`HTTP${response.status}`, "the answer is not JSON", response.status >= 500);
  const code = String(answer.Code ?? `HTTP${response.status}`);
  if (code !== "OK") throw new AliyunError(code, String(answer.Message ?? ""), RETRYABLE.test(code));
  return answer;
}
