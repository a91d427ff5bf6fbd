import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import graph of src/: no file imports itself through others, and neither do folders (each
 * top-level file of src/ counts as a folder of its own), so every folder's imports point down.
 * The engine and the rule language import nothing from outside themselves but the engine.
 */
const SRC = fileURLToPath(new URL('../src/', import.meta.url));

let graph: Record<string, string[]>;
let circular: string[][];

beforeAll(async () => {
  const result = await madge(SRC, {
    fileExtensions: ['ts'],
    tsConfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    // Type-only imports count: a type cycle is still a cycle a reader has to untangle.
    detectiveOptions: { ts: { skipTypeImports: false } },
  });
  graph = result.obj();
  circular = result.circular();
}, 120_000);

const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file);

function folderEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [file, deps] of Object.entries(graph)) {
    for (const dep of deps) {
      const from = folderOf(file);
      const to = folderOf(dep);
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  return edges;
}

describe('the import graph of src/', () => {
  it('reads every source file', () => {
    expect(Object.keys(graph)).toContain('engine/backtest.ts');
    expect(Object.keys(graph)).toContain('services.ts');
    expect(graph['services.ts'].length).toBeGreaterThan(5);
  });

  it('has no import cycle between files', () => {
    expect(circular).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const edges = folderEdges();
    const cycles: string[] = [];
    const reaches = (from: string, to: string, seen: Set<string>): boolean => {
      if (from === to) return true;
      for (const next of edges.get(from) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        if (reaches(next, to, seen)) return true;
      }
      return false;
    };
    for (const [from, tos] of edges) {
      for (const to of tos) if (reaches(to, from, new Set())) cycles.push(`${from} → ${to} → … → ${from}`);
    }
    expect(cycles).toEqual([]);
  });

  it('keeps the engine pure: it imports only its own files', () => {
    const outside = Object.entries(graph)
      .filter(([file]) => file.startsWith('engine/'))
      .flatMap(([file, deps]) => deps.filter((d) => !d.startsWith('engine/')).map((d) => `${file} → ${d}`));
    expect(outside).toEqual([]);
  });
});
