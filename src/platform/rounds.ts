/**
 * Background work in rounds: `round` runs every `intervalMs`, never two at once; a failed round
 * goes to `onError` and the next one tries again. The returned function stops the rounds and
 * waits for one in progress, so the database can be closed right after. The timer does not keep
 * the process alive by itself.
 */
export function everyInterval(
  intervalMs: number,
  round: () => Promise<unknown>,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(round).catch(onError);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
