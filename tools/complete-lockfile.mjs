#!/usr/bin/env node
/**
 * Adds lockfile entries for optional platform packages that `npm install` left out.
 *
 * Why: npm records an optional dependency only when it can read its manifest. Where the registry
 * lacks some platform builds (rollup, sass-embedded, unrs-resolver, msgpackr-extract for other
 * operating systems), the lockfile ends up without them and `npm ci` then refuses it as out of
 * sync. Each added entry carries the os/cpu/libc that npm uses to skip it on other platforms,
 * taken from the registry when it has the package, else from the package's name.
 *
 * Run after changing dependencies:  node tools/complete-lockfile.mjs
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OSES = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openbsd', 'openharmony', 'sunos', 'aix', 'netbsd'];
const CPUS = {
  arm64: 'arm64',
  'arm-eabi': 'arm',
  arm: 'arm',
  x64: 'x64',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
};

function fromName(name) {
  const tokens = name.replace(/^@[^/]+\//, '').split('-');
  const os = OSES.find((o) => tokens.includes(o));
  const cpuToken = Object.keys(CPUS).find((c) => name.includes(`-${c}`));
  const libc = /musl/.test(name) ? ['musl'] : /-gnu/.test(name) && os === 'linux' ? ['glibc'] : undefined;
  // Names that say no platform at all (sass-embedded-all-unknown) must never install by accident.
  return { os: [os ?? 'none'], cpu: [cpuToken ? CPUS[cpuToken] : 'none'], ...(libc && { libc }) };
}

function fromRegistry(name, version) {
  try {
    const out = execFileSync('npm', ['view', `${name}@${version}`, 'os', 'cpu', 'libc', '--json'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();
    const meta = out.trim() ? JSON.parse(out) : {};
    if (!meta.os && !meta.cpu) return null;
    return {
      ...(meta.os && { os: [].concat(meta.os) }),
      ...(meta.cpu && { cpu: [].concat(meta.cpu) }),
      ...(meta.libc && { libc: [].concat(meta.libc) }),
    };
  } catch {
    return null;
  }
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const where = `node_modules/${dep}`;
    const nested = path ? `${path}/node_modules/${dep}` : where;
    if (packages[where] || packages[nested]) continue;
    const version = String(spec).replace(/^[\^~=]/, '');
    const platform = fromRegistry(dep, version) ?? fromName(dep);
    packages[where] = { version, ...(pkg.dev && { dev: true }), optional: true, ...platform };
    added++;
    console.log(`added ${dep}@${version} ${JSON.stringify(platform)}`);
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
console.log(`${added} optional platform entries added`);
