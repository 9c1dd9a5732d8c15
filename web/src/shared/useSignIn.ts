/** The phone + code steps both faces share: ask for a code (shown as 演示 in demo mode), then sign in. */
import { useState } from "react";
import { messageOf, post } from "./api.ts";
import type { CodeSent, Role } from "./api-types.ts";

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export function useSignIn(role: Role) {
  const [demoCode, setDemoCode] = useState<string | null>(null);
  const [codeSent, setCodeSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function attempt(action: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(messageOf(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const sendCode = (phone: string) =>
    attempt(async () => {
      const answer = await post<CodeSent>("/api/auth/codes", { phone });
      setDemoCode(answer?.demoCode ?? null);
      setCodeSent(true);
    });

  const signIn = (phone: string, code: string) =>
    attempt(async () => {
      await post("/api/auth/sign-in/phone", { phone, code, role });
    });

  return { sendCode, signIn, codeSent, demoCode, busy, error };
}
