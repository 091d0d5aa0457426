import type { ApiClient } from "../../api/client";
import type { AssociationRule, IncomingPolicy, OutgoingPolicy } from "../../api/logging";

export interface PrivacySettings {
  enabled: boolean;
  unknownRecipients: "warn" | "block";
  internalDomains: string[];
  /** Null: bodies are kept for good. */
  bodyRetentionDays: number | null;
}

/** `bodyRetentionDays` 0 keeps bodies for good. */
export interface PrivacySettingsChange {
  enabled: boolean;
  unknownRecipients: "warn" | "block";
  internalDomains: string[];
  bodyRetentionDays: number;
}

export interface SubscriptionType {
  name: string;
  label: string;
  builtin: boolean;
}

export type CreateContacts = "off" | "sent" | "sentAndReceived";

export const getPrivacy = (api: ApiClient, signal?: AbortSignal) => api.send<PrivacySettings>("GET", "/api/settings/privacy", undefined, signal);
export const putPrivacy = (api: ApiClient, change: PrivacySettingsChange) => api.send<PrivacySettings>("PUT", "/api/settings/privacy", change);
export const listSubscriptionTypes = (api: ApiClient, signal?: AbortSignal) =>
  api.send<{ items: SubscriptionType[] }>("GET", "/api/subscription-types", undefined, signal);
export const createSubscriptionType = (api: ApiClient, name: string, label: string) =>
  api.send<SubscriptionType>("POST", "/api/subscription-types", { name, label });

export interface LoggingSettings {
  createContacts: CreateContacts;
  outgoing: OutgoingPolicy;
  incoming: IncomingPolicy;
  associations: AssociationRule;
  usersMayOverride: boolean;
}

export const getLogging = (api: ApiClient, signal?: AbortSignal) => api.send<LoggingSettings>("GET", "/api/settings/logging", undefined, signal);
export const putLogging = (api: ApiClient, settings: LoggingSettings) => api.send<LoggingSettings>("PUT", "/api/settings/logging", settings);
