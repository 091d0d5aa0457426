/** Placeholder until the page is built. */
export function PeoplePage() {
  return <p>Coming in this release.</p>;
}
