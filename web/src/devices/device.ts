/**
 * The device's side of decision 0011, shared by the terminal (/kiosk) and the screen (/display):
 * the device token in localStorage (the only thing either keeps), calls with
 * `Authorization: Device …`, and the board's live stream read with fetch (EventSource cannot
 * send that header), reconnecting by itself.
 */
import { api } from "../shared/api.ts";
import type { Board, DeviceSelf, Enrolled } from "../shared/api-types.ts";

const TOKEN_KEY = "linggong.device-token";

export function deviceToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function forgetDevice(): void {
  localStorage.removeItem(TOKEN_KEY);
}

export async function enrolDevice(code: string): Promise<DeviceSelf> {
  const enrolled = await api<Enrolled>("POST", "/api/devices/enrol", { code }, { signedOutIsAnswer: true });
  localStorage.setItem(TOKEN_KEY, enrolled.token);
  return enrolled.device;
}

function authorisation(): Record<string, string> {
  return { authorization: `Device ${deviceToken() ?? ""}` };
}

export function deviceGet<T>(path: string): Promise<T> {
  return api<T>("GET", path, undefined, { signedOutIsAnswer: true, headers: authorisation() });
}

export function devicePost<T>(
  path: string,
  body: unknown = {},
  headers: Record<string, string> = {},
): Promise<T> {
  return api<T>("POST", path, body, { signedOutIsAnswer: true, headers: { ...authorisation(), ...headers } });
}

export type StreamState = "live" | "reconnecting";

/** Waits from 1 s up to 30 s between attempts, so a restarted server is not stormed. */
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;
const SILENCE_MS = 40_000;

/**
 * Follows `/api/devices/self/stream`: each `board` event goes to `onBoard`; a lost connection is
 * reported and tried again; a 401 (the device was revoked) stops and calls `onRevoked`.
 * Returns a function that stops following.
 */
export function followBoard(handlers: {
  onBoard: (board: Board) => void;
  onState: (state: StreamState) => void;
  onRevoked: () => void;
}): () => void {
  const abort = new AbortController();
  let retryMs = FIRST_RETRY_MS;
  const run = async () => {
    while (!abort.signal.aborted) {
      // One connection; a silence longer than SILENCE_MS (the server sends a heartbeat every
      // 15 s) means a dead connection nobody closed, so it is dropped and made again.
      const connection = new AbortController();
      const onStop = () => connection.abort();
      abort.signal.addEventListener("abort", onStop);
      let silence = setTimeout(onStop, SILENCE_MS);
      const heard = () => {
        clearTimeout(silence);
        silence = setTimeout(onStop, SILENCE_MS);
      };
      try {
        const response = await fetch("/api/devices/self/stream", {
          headers: authorisation(),
          signal: connection.signal,
        });
        if (response.status === 401) return handlers.onRevoked();
        if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
        await readEvents(response.body, heard, (board) => {
          retryMs = FIRST_RETRY_MS;
          handlers.onState("live");
          handlers.onBoard(board);
        });
      } catch {
        // Lost: fall through to the pause and try again.
      } finally {
        clearTimeout(silence);
        abort.signal.removeEventListener("abort", onStop);
      }
      if (abort.signal.aborted) return;
      handlers.onState("reconnecting");
      await new Promise((resolve) => setTimeout(resolve, retryMs));
      retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
    }
  };
  void run();
  return () => abort.abort();
}

async function readEvents(
  body: ReadableStream<Uint8Array>,
  heard: () => void,
  onBoard: (board: Board) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    heard();
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = message.split("\n").find((line) => line.startsWith("data: "));
      if (message.startsWith("event: board") && data) onBoard(JSON.parse(data.slice(6)) as Board);
      end = buffer.indexOf("\n\n");
    }
  }
}
