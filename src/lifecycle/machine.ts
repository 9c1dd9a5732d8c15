/**
 * A small state-machine helper: a table of events, each allowed from some states and
 * leading to one state. The lifecycle of gigs, applications, bookings, timesheets and
 * payments is written as such tables, so every allowed and refused step is data that
 * tests can enumerate.
 */
export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
}

export interface Machine<S extends string, E extends string> {
  readonly states: readonly S[];
  readonly events: readonly E[];
  /** The state after `event`, or null when the event is not allowed from `state`. */
  next(state: S, event: E): S | null;
  can(state: S, event: E): boolean;
}

export function defineMachine<S extends string, E extends string>(
  states: readonly S[],
  table: Record<E, Transition<S>>,
): Machine<S, E> {
  const events = Object.keys(table) as E[];
  return {
    states,
    events,
    next: (state, event) => (table[event].from.includes(state) ? table[event].to : null),
    can: (state, event) => table[event].from.includes(state),
  };
}
