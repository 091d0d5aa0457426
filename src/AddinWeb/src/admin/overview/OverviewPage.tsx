/** Placeholder until the page is built. */
export function OverviewPage() {
  return <p>Coming in this release.</p>;
}
