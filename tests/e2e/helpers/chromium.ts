// How the suite launches Debian's Chromium: playwright.config.ts uses it for every test, and the
// specs that launch a browser of their own (runs.spec's persistent profile) use the same.
export const CHROMIUM_LAUNCH = {
  executablePath: '/usr/bin/chromium',
  // No background traffic: the tests expect no request outside the site, and the two shared cores
  // are for the page.
  args: [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
