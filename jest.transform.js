/**
 * Jest transform: TypeScript to CommonJS with esbuild (type-checking is `npm run typecheck`'s
 * job), much faster than ts-jest on a cold cache.
 */
const { transformSync } = require('esbuild');
const { createHash } = require('node:crypto');
const { version } = require('esbuild/package.json');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'both',
      sourcefile: filename,
    });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(version).update(filename).update(source).digest('hex');
  },
};
