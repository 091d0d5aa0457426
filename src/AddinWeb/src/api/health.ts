/** The API's answer to GET /health: whether it is up and which database it runs on. */
export interface Health {
  status: "healthy";
  database: "sqlite" | "sqlServer";
}

/** A typed wrapper over fetch; the pane is served by CrmApi itself, so the API is same-origin. */
export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  const response = await fetch("/health", signal === undefined ? {} : { signal });
  if (!response.ok) {
    throw new Error(`The OutlookCrm API answered ${response.status}`);
  }
  return (await response.json()) as Health;
}
