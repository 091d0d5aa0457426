import type { ApiClient } from "../../api/client";

export interface Team {
  id: string;
  name: string;
  members: { id: string; name: string }[];
}

export const listTeams = (api: ApiClient, signal?: AbortSignal) => api.send<{ items: Team[] }>("GET", "/api/teams", undefined, signal);
export const createTeam = (api: ApiClient, name: string, memberIds: string[]) => api.send<Team>("POST", "/api/teams", { name, memberIds });
