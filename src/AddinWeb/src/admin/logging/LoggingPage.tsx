/** Placeholder until the page is built. */
export function LoggingPage() {
  return <p>Coming in this release.</p>;
}
