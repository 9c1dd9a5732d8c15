import type { Words } from "./locales.ts";

export const en: Words = {
  title: "Sign in at the terminal",
  ask: "Sign in on the self-service terminal at “{{station}}”?",
  hint: "Once you confirm, the terminal signs in with your account. It signs out by itself when you leave.",
  confirm: "Sign me in",
  notMe: "I did not scan this, cancel",
  done: "Confirmed: go back to the terminal to continue",
  cancelled: "Cancelled: the terminal will not sign in",
  missing: "This code is incomplete; scan it again at the terminal",
};
