// What the sign-in form says. Never whether the email exists.
export const SIGN_IN_MESSAGES = {
  invalid: 'The email or password is not right.',
  locked: 'Too many failed sign-in attempts. Sign-in is paused for this account or address; try again in 15 minutes.',
  unavailable: 'Signing in did not work just now. Check your connection and try again.',
} as const;
