/**
 * What @apollo/utils.createhash is in the server's bundle. That package takes Node's crypto
 * through `module.require`, which a bundled CommonJS module does not have, so in the bundle it
 * fell back to hashing every request's query in JavaScript (sha.js). Node's own is the one meant.
 */
export { createHash } from 'node:crypto';
