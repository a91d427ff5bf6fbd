// Which Node.js versions run this project's TypeScript sources: type stripping without flags
// arrived in Node 22.18 (and 23.6 on the 23 line).

export const REQUIRED_NODE = '22.18';

/** True when `version` (e.g. "v22.18.0" or "24.1.0") runs .ts files without flags. */
export function canRunTypeScript(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major >= 24 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
}

/** The one line printed when no capable Node is at hand. */
export function oldNodeMessage(name, version) {
  return (
    `${name}: needs Node.js >= ${REQUIRED_NODE} (found ${version}). ` +
    'Install the dev dependencies too (`npm ci`, which brings Node 24 as the `node` package), ' +
    `or install Node.js ${REQUIRED_NODE} or later from https://nodejs.org/.`
  );
}
