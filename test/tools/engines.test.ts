import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

type LockedPackage = { version?: string; engines?: Record<string, string> | string[] };

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

const ours = readJson<{ engines: { node: string } }>('package.json').engines.node;

describe('the engines field', () => {
  it('is a range every package in the lock file accepts, so npm ci never warns EBADENGINE', () => {
    const { packages } = readJson<{ packages: Record<string, LockedPackage> }>('package-lock.json');
    const refusing = Object.entries(packages).flatMap(([path, locked]) => {
      // Old packages wrote engines as a list of strings, which npm no longer reads.
      const theirs = Array.isArray(locked.engines) ? undefined : locked.engines?.node;
      if (path === '' || theirs === undefined) return [];
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      if (!semver.validRange(theirs)) return [`${name}@${locked.version} declares an unreadable node range "${theirs}"`];
      return semver.subset(ours, theirs) ? [] : [`${name}@${locked.version} wants node ${theirs}`];
    });
    expect(refusing, `package.json claims node ${ours}`).toEqual([]);
  });

  it('takes the Node.js of .nvmrc and of the Docker image, which agree', () => {
    const nvmrc = readFileSync('.nvmrc', 'utf8').trim();
    const images = [...readFileSync('Dockerfile', 'utf8').matchAll(/^FROM node:(\d+)\S*/gm)].map((match) => match[1]);
    expect(semver.subset(`${nvmrc}.x`, ours), `.nvmrc says ${nvmrc}, engines ${ours}`).toBe(true);
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((major) => major === nvmrc.split('.')[0]), `Dockerfile stages on node ${images.join(', ')}`).toBe(true);
  });
});
