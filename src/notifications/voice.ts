/**
 * Voice calls for people who cannot read: the platform's text-to-speech service rings the phone
 * and speaks the prepared text. The log provider writes the call to the server log (development);
 * a deployment plugs in its voice gateway, which like the SMS gateway drops a repeated `outId`.
 */
export interface VoiceCall {
  outId: string;
  phone: string;
  /** The words to speak, written for text to speech. */
  text: string;
  lang: string;
}

export interface VoiceProvider {
  readonly name: string;
  call(call: VoiceCall): Promise<{ providerMessageId: string }>;
}

export class LogVoiceProvider implements VoiceProvider {
  readonly name = "log";
  readonly calls: VoiceCall[] = [];

  constructor(private readonly log: (line: string) => void = (line) => console.log(line)) {}

  async call(call: VoiceCall): Promise<{ providerMessageId: string }> {
    if (!this.calls.some((c) => c.outId === call.outId)) {
      this.calls.push(call);
      if (this.calls.length > 1000) this.calls.shift();
      this.log(`[voice] to ${call.phone}: ${call.text}`);
    }
    return { providerMessageId: `log-${call.outId}` };
  }
}
