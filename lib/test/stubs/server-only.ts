// Stand-in for the 'server-only' marker package in vitest, which runs outside React's server build.
export {};
