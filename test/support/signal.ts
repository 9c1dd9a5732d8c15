/** A promise a test settles from outside: one step waits on it, another gives it (Node 20 has no `Promise.withResolvers`). */
export interface Signal {
  promise: Promise<void>;
  give(): void;
}

export function signal(): Signal {
  let give = () => {};
  const promise = new Promise<void>((resolve) => {
    give = resolve;
  });
  return { promise, give };
}
