/** A legal document's body: blank-line paragraphs, "## " headings and "- " lists, as plain HTML. */
import type { LegalDocument } from "../api-types.ts";

function Block({ block }: { block: string }) {
  const lines = block.split("\n");
  const heading = lines[0].startsWith("## ") ? lines.shift()?.slice(3) : undefined;
  const items = lines.filter((line) => line.startsWith("- "));
  const text = lines.filter((line) => !line.startsWith("- ")).join("\n");
  return (
    <>
      {heading && <h2>{heading}</h2>}
      {text && <p>{text}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item}>{item.slice(2)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function LegalText({ document }: { document: LegalDocument }) {
  return (
    <div className="lg-legal-text">
      {document.body.split(/\n{2,}/).map((block) => (
        <Block key={block.slice(0, 40)} block={block} />
      ))}
    </div>
  );
}
