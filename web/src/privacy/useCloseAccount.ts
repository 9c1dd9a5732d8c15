/** 注销账号 for both faces: the typed word, the request, and signing out of the closed account. */
import { useState } from "react";
import { post } from "../shared/api.ts";
import type { AccountClosed } from "../shared/api-types.ts";
import { useSession } from "../shared/session.tsx";
import { useAction } from "../shared/useResource.ts";

export const MY_DATA_XLSX = "/api/me/data.xlsx";
export const MY_DATA_JSON = "/api/me/data";

export function useCloseAccount() {
  const { refresh } = useSession();
  const [confirmation, setConfirmation] = useState("");
  const [closed, setClosed] = useState(false);
  const action = useAction((word: string) => post<AccountClosed>("/api/me/close", { confirmation: word }));
  const close = async () => {
    if (!(await action.run(confirmation))) return;
    setClosed(true);
    await refresh();
  };
  return { confirmation, setConfirmation, close, closed, busy: action.busy, error: action.error };
}
