/** The phone + code steps both faces share: ask for a code (shown as 演示 in demo mode), then sign in. */
import { useEffect, useState } from "react";
import { ApiError, messageOf, post } from "./api.ts";
import type { CodeSent, LegalDocument, Role } from "./api-types.ts";
import { currentDocuments, currentVersions } from "./privacy/consent.ts";

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** Seconds left before another code may be asked; the resend button shows them and waits. */
function useCountdown() {
  const [secondsLeft, setSecondsLeft] = useState(0);
  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft((left) => left - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);
  return [secondsLeft, setSecondsLeft] as const;
}

export function useSignIn(role: Role) {
  const [demoCode, setDemoCode] = useState<string | null>(null);
  const [codeSent, setCodeSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [resendIn, setResendIn] = useCountdown();
  /** Shown when the server asks for consent (a first sign-in, or a new version since the last). */
  const [documentsToAccept, setDocumentsToAccept] = useState<LegalDocument[] | null>(null);

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
      try {
        const answer = await post<CodeSent>("/api/auth/codes", { phone });
        setDemoCode(answer?.demoCode ?? null);
        setCodeSent(true);
        setResendIn(answer?.resendAfterSeconds ?? 0);
      } catch (caught) {
        // Asked too early (another tab, a reload): the code already sent still works; wait it out.
        if (caught instanceof ApiError && caught.retryAfterSeconds) {
          setResendIn(caught.retryAfterSeconds);
          if (caught.code === "code_requested_too_soon") setCodeSent(true);
        }
        throw caught;
      }
    });

  /** `accepted`: the person ticked the consent box or pressed 同意 under the documents shown. */
  const signIn = (phone: string, code: string, accepted: boolean) =>
    attempt(async () => {
      const consent = accepted ? await currentVersions() : undefined;
      try {
        await post("/api/auth/sign-in/phone", { phone, code, role, ...(consent ? { consent } : {}) });
        setDocumentsToAccept(null);
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === "consent_required") {
          setDocumentsToAccept(await currentDocuments());
        }
        throw caught;
      }
    });

  return { sendCode, signIn, codeSent, demoCode, busy, error, resendIn, documentsToAccept };
}
