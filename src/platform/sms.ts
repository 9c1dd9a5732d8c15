/**
 * Sending text messages. The default provider writes the message to the server log
 * (and keeps the last ones in memory for tests); a deployment plugs in its SMS gateway.
 */
export interface SmsProvider {
  readonly name: string;
  send(phone: string, text: string, code?: string): Promise<void>;
}

export interface LoggedMessage {
  phone: string;
  text: string;
  code?: string;
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

  /** The last code sent to a phone: for tests and the demo sign-in screen. */
  lastCodeFor(phone: string): string | undefined {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      const message = this.sent[i];
      if (message?.phone === phone && message.code) return message.code;
    }
    return undefined;
  }
}
