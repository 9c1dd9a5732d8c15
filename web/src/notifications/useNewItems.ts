/**
 * Which items arrived while the screen was open: those absent from its first load. A screen that
 * refreshes itself on a notification marks them "新", so the person sees at once what changed.
 */
import { useRef } from "react";

export function useNewItems(ids: readonly string[] | undefined): ReadonlySet<string> {
  const first = useRef<Set<string> | null>(null);
  if (!ids) return EMPTY;
  if (first.current === null) first.current = new Set(ids);
  const seen = first.current;
  return new Set(ids.filter((id) => !seen.has(id)));
}

const EMPTY: ReadonlySet<string> = new Set();
