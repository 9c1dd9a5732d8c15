/** A sentence naming the 《用户协议》 and 《隐私政策》, with each name a link to the document (new tab, the form stays). */
import { Fragment } from "react";
import "./locales.ts";
import "./privacy.css";

const LINKS: Record<string, string> = {
  "《用户协议》": "/legal/terms",
  "《隐私政策》": "/legal/privacy",
  "terms of use": "/legal/terms",
  "privacy policy": "/legal/privacy",
};

export function LegalLinks({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(《用户协议》|《隐私政策》|terms of use|privacy policy)/)
        .filter(Boolean)
        .map((part) => {
          const href = LINKS[part];
          if (!href) return <Fragment key={part}>{part}</Fragment>;
          return (
            <a
              key={part}
              className="lg-legal-link"
              href={href}
              target="_blank"
              rel="noopener"
              onClick={(event) => event.stopPropagation()}
            >
              {part}
            </a>
          );
        })}
    </>
  );
}
