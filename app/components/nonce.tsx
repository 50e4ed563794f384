import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

/** The per-request CSP nonce: every inline script Remix renders must carry it. */
export function useNonce() {
  return useContext(NonceContext);
}
