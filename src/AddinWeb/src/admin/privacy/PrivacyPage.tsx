/** Placeholder until the page is built. */
export function PrivacyPage() {
  return <p>Coming in this release.</p>;
}
