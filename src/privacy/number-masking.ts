/**
 * Private numbers (隐私号, AXB): while a booking holds a place, the worker (A) and the employer (B)
 * may call each other, and each is shown a number X from the provider's pool instead of the other's
 * own. A call from A to X rings B, from B to X rings A; any other caller gets nothing. The binding
 * lives as long as the booking: it is made when a party first needs the number and released once
 * the booking no longer holds a place, or at the latest when it expires (src/privacy/private-numbers.ts).
 *
 *   - `log` (development): writes bindings to the server log and hands out numbers 170 0000 xxxx.
 *   - `aliyun`: 阿里云号码隐私保护 (Dyplsapi 2017-05-25, BindAxb / UnbindSubscription).
 * Without a provider (the default), today's masking rules stand: a party sees the other's own
 * number while the booking holds a place, masked otherwise.
 */
import { type AliyunCredentials, callAliyun } from "../platform/aliyun-rpc.ts";

export interface BindRequest {
  /** Our id for the binding (the booking's), kept by the provider with its call records. */
  outId: string;
  phoneA: string;
  phoneB: string;
  expiresAt: Date;
}

export interface Binding {
  /** The provider's id of the binding, needed to release it. */
  subsId: string;
  /** The number X both parties are shown. */
  number: string;
}

export interface NumberMaskingProvider {
  readonly name: string;
  bind(request: BindRequest): Promise<Binding>;
  /** Releases a binding before its expiry (the provider drops it by itself at expiry). */
  unbind(binding: Binding): Promise<void>;
}

export class LogNumberMasking implements NumberMaskingProvider {
  readonly name = "log";
  readonly bound = new Map<string, BindRequest & Binding>();
  private next = 0;

  constructor(private readonly log: (line: string) => void = (line) => console.log(line)) {}

  async bind(request: BindRequest): Promise<Binding> {
    this.next += 1;
    const binding = {
      subsId: `log-${this.next}`,
      number: `1700000${String(this.next % 10_000).padStart(4, "0")}`,
    };
    this.bound.set(binding.subsId, { ...request, ...binding });
    this.log(
      `[隐私号] ${binding.number}: ${request.phoneA} ↔ ${request.phoneB} until ${request.expiresAt.toISOString()}`,
    );
    return binding;
  }

  async unbind(binding: Binding): Promise<void> {
    if (this.bound.delete(binding.subsId)) this.log(`[隐私号] ${binding.number} released`);
  }
}

export interface AliyunNumberMaskingOptions {
  credentials: AliyunCredentials;
  endpoint: string;
  /** 号码池Key from the console. */
  poolKey: string;
}

/** "yyyy-MM-dd HH:mm:ss" in Beijing time, as BindAxb's Expiration is written. */
export function beijingDateTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

export class AliyunNumberMasking implements NumberMaskingProvider {
  readonly name = "aliyun";

  constructor(private readonly options: AliyunNumberMaskingOptions) {}

  async bind(request: BindRequest): Promise<Binding> {
    const answer = await this.call("BindAxb", {
      PoolKey: this.options.poolKey,
      PhoneNoA: request.phoneA,
      PhoneNoB: request.phoneB,
      Expiration: beijingDateTime(request.expiresAt),
      OutId: request.outId,
    });
    const dto = (answer.SecretBindDTO ?? {}) as { SubsId?: unknown; SecretNo?: unknown };
    if (!dto.SubsId || !dto.SecretNo) throw new Error("BindAxb answered without SubsId or SecretNo");
    return { subsId: String(dto.SubsId), number: String(dto.SecretNo) };
  }

  async unbind(binding: Binding): Promise<void> {
    await this.call("UnbindSubscription", {
      PoolKey: this.options.poolKey,
      SubsId: binding.subsId,
      SecretNo: binding.number,
    });
  }

  private call(action: string, params: Record<string, string>) {
    return callAliyun(this.options.credentials, {
      endpoint: this.options.endpoint,
      version: "2017-05-25",
      action,
      params,
    });
  }
}
