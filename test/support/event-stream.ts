/** Reading a server-sent event stream in tests. */

/** The events named `name` of a server-sent event stream, their data parsed as JSON. */
export async function* sseEvents<T>(body: ReadableStream<Uint8Array>, name: string): AsyncGenerator<T> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = message.split("\n").find((line) => line.startsWith("data: "));
      if (message.startsWith(`event: ${name}\n`) && data) yield JSON.parse(data.slice(6)) as T;
      end = buffer.indexOf("\n\n");
    }
  }
}
