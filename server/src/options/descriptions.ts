/** Short descriptions in our own words, keyed by canonical option name (aliases fall back to these). */
export const OPTION_DESCRIPTIONS: Record<string, string> = {
  socket: 'Binds a UNIX or TCP socket that speaks the default protocol (the uwsgi binary protocol unless `protocol` changes it); pair it with nginx `uwsgi_pass`, not `proxy_pass`.',
};
