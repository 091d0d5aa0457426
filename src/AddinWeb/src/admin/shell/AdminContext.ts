import { createContext, useContext } from "react";
import type { ApiClient } from "../../api/client";
import type { Me } from "../api/me";

/** What every page needs: the API as the signed-in user, and who that is (Crm.Admin or not). */
export interface Admin {
  api: ApiClient;
  me: Me;
}

export const AdminContext = createContext<Admin | null>(null);

export function useAdmin(): Admin {
  const admin = useContext(AdminContext);
  if (admin === null) {
    throw new Error("useAdmin outside the signed-in console");
  }
  return admin;
}
