/**
 * Sending text messages. The default provider writes the message to the server log
 * (and keeps the last ones in memory for tests); a deployment plugs in its SMS gateway.
 */
export interface SmsProvider {
  readonly name: string;
  send(phone: string, text: string, code?: string): Promise<void>;
  /** Sends a registered template (notifications); resolves with the gateway's message id. */
  sendTemplate(message: TemplateSms): Promise<{ providerMessageId: string }>;
}

/**
 * A message as Chinese SMS gateways take it: a signature and a template approved in advance,
 * named by id, with its variables. `outId` is our id for the message: gateways keep it with the
 * message and drop a second request with the same one, so a retry after a crash is harmless.
 */
export interface TemplateSms {
  outId: string;
  phone: string;
  signName: string;
  templateId: string;
  params: Record<string, string>;
  /** The text as the phone shows it, for the log. */
  text: string;
}

export interface LoggedMessage {
  phone: string;
  text: string;
  code?: string;
  outId?: string;
  at: Date;
}

export class LogSmsProvider implements SmsProvider {
  readonly name = "log";
  readonly sent: LoggedMessage[] = [];

  constructor(private readonly log: (line: string) => void = (line) => console.log(line)) {}

  async send(phone: string, text: string, code?: string): Promise<void> {
    this.sent.push({ phone, text, code, at: new Date() });
    if (this.sent.length > 1000) this.sent.shift();
    this.log(`[sms] to ${phone}: ${text}`);
  }

  async sendTemplate(message: TemplateSms): Promise<{ providerMessageId: string }> {
    if (!this.sent.some((m) => m.outId === message.outId)) {
      this.sent.push({ phone: message.phone, text: message.text, outId: message.outId, at: new Date() });
      if (this.sent.length > 1000) this.sent.shift();
      this.log(`[sms ${message.templateId}] to ${message.phone}: ${message.text}`);
    }
    return { providerMessageId: `log-${message.outId}` };
  }

  /** The last code sent to a phone: for tests and the demo sign-in screen. */
  lastCodeFor(phone: string): string | undefined {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      const message = this.sent[i];
      if (message?.phone === phone && message.code) return message.code;
    }
    return undefined;
  }
}
