/** The pane could not get a token for the API: the rep is not signed in (or consent is missing). */
export class SignInError extends Error {
  override readonly name = "SignInError";
}
