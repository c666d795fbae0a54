import madge from 'madge';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The import graph of src flows one way: no module reaches itself through its imports, type
 * imports included (a type cycle is the same layering mistake, only quieter). The lint rule
 * import-x/no-cycle catches runtime cycles in the editor; this reads the whole graph.
 */
describe('the import graph', () => {
  it('has no cycles, type imports included', async () => {
    const src = fileURLToPath(new URL('.', import.meta.url));
    const graph = await madge(src, {
      fileExtensions: ['ts', 'tsx'],
      tsConfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
      detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
    });
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(300);
    expect(graph.circular()).toEqual([]);
  });
});
