// A V8 heap snapshot (CDP HeapProfiler.takeHeapSnapshot, after GC) read for the wallboard soak: the heap split into
// JS objects, bytecode and function metadata, and the machine code V8's optimising compilers generated, with that
// machine code attributed to the scripts whose functions own it. The split says where growth is: a leak grows
// objects; V8 tiering up functions that became hot grows machine code, up to the point where every function that
// runs often enough has been optimised.
import type { CDPSession } from '@playwright/test';
import { z } from 'zod';

/**
 * What Maglev and TurboFan produce for one optimised function: the instructions, the code object, and the tables
 * deoptimisation needs. Bytecode (BytecodeArray) and function metadata are not in it.
 */
const MACHINE_CODE = new Set(['system / InstructionStream', 'system / Code', 'system / TrustedByteArray', 'system / ProtectedFixedArray', 'system / TrustedWeakFixedArray']);
/** What lies between a function (closure) and its optimised code in the snapshot's graph. */
const CODE_LINKS = new Set([...MACHINE_CODE, 'system / FeedbackCell', 'system / FeedbackVector', 'system / CodeWrapper']);

export interface HeapBreakdown {
  /** JS objects: data, closures, arrays, DOM wrappers; what a leak would grow. */
  objectsMb: number;
  /** All code: bytecode, function metadata and optimised machine code. */
  codeMb: number;
  /** Of the code, the optimised machine code alone. */
  machineCodeMb: number;
  /** Machine code bytes by the script its function comes from (the file name; '' for scripts without one). */
  machineCodeByScript: Map<string, number>;
}

const snapshotSchema = z.object({
  snapshot: z.object({
    meta: z.object({
      node_fields: z.array(z.string()),
      node_types: z.tuple([z.array(z.string())]).rest(z.unknown()),
      edge_fields: z.array(z.string()),
      edge_types: z.tuple([z.array(z.string())]).rest(z.unknown()),
      location_fields: z.array(z.string()),
    }),
  }),
  nodes: z.array(z.number()),
  edges: z.array(z.number()),
  locations: z.array(z.number()),
  strings: z.array(z.string()),
});

/** Takes a heap snapshot after two full GCs. Native (Blink) entries are left out, as in Runtime.getHeapUsage. */
export async function heapBreakdown(cdp: CDPSession): Promise<HeapBreakdown> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return readHeapSnapshot(JSON.parse(chunks.join('')));
}

export function readHeapSnapshot(json: unknown): HeapBreakdown {
  const { snapshot, nodes, edges, locations, strings } = snapshotSchema.parse(json);
  const { meta } = snapshot;
  const nodeWidth = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((field) => meta.node_fields.indexOf(field));
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((field) => meta.edge_fields.indexOf(field));
  const count = nodes.length / nodeWidth;
  const type = (node: number) => nodeTypes[nodes[node * nodeWidth + typeAt!]!] ?? '';
  const name = (node: number) => strings[nodes[node * nodeWidth + nameAt!]!] ?? '';
  const size = (node: number) => nodes[node * nodeWidth + sizeAt!] ?? 0;
  // A node's edges are stored in node order, each node's run as long as its edge count.
  const firstEdge = new Uint32Array(count + 1);
  for (let node = 0, at = 0; node < count; node++) {
    firstEdge[node] = at;
    at += (nodes[node * nodeWidth + edgeCountAt!] ?? 0) * edgeWidth;
    firstEdge[node + 1] = at;
  }
  function* targets(node: number): Generator<{ to: number; edgeName: string }> {
    for (let at = firstEdge[node]!; at < firstEdge[node + 1]!; at += edgeWidth) {
      const kind = edgeTypes[edges[at + edgeTypeAt!]!];
      const label = edges[at + edgeNameAt!]!;
      yield { to: edges[at + toAt!]! / nodeWidth, edgeName: kind === 'element' || kind === 'hidden' ? '' : (strings[label] ?? '') };
    }
  }

  let objects = 0;
  let code = 0;
  let machineCode = 0;
  for (let node = 0; node < count; node++) {
    const kind = type(node);
    if (kind === 'code') {
      code += size(node);
      if (MACHINE_CODE.has(name(node))) machineCode += size(node);
    } else if (kind !== 'native' && kind !== 'synthetic') objects += size(node);
  }

  // Each closure's location names its script; the machine code reachable from it through its feedback cell and
  // vector (or its code link) is charged to that script, once.
  const scriptNames = new Map<number, string>();
  const scriptName = (scriptNode: number) => {
    let known = scriptNames.get(scriptNode);
    if (known === undefined) {
      known = '';
      for (const { to, edgeName } of targets(scriptNode)) {
        if (edgeName === 'name' && type(to).includes('string')) known = name(to).split('/').pop() ?? '';
      }
      scriptNames.set(scriptNode, known);
    }
    return known;
  };
  const charged = new Set<number>();
  const machineCodeByScript = new Map<string, number>();
  const locationWidth = meta.location_fields.length;
  const [objectAt, scriptAt] = ['object_index', 'script_object_index'].map((field) => meta.location_fields.indexOf(field));
  for (let at = 0; at < locations.length; at += locationWidth) {
    const closure = locations[at + objectAt!]! / nodeWidth;
    if (type(closure) !== 'closure') continue;
    const script = scriptName(locations[at + scriptAt!]! / nodeWidth);
    const stack: Array<{ node: number; depth: number }> = [{ node: closure, depth: 0 }];
    for (let item = stack.pop(); item; item = stack.pop()) {
      if (item.depth >= 4) continue;
      for (const { to } of targets(item.node)) {
        if (charged.has(to) || !CODE_LINKS.has(name(to))) continue;
        charged.add(to);
        if (MACHINE_CODE.has(name(to))) machineCodeByScript.set(script, (machineCodeByScript.get(script) ?? 0) + size(to));
        stack.push({ node: to, depth: item.depth + 1 });
      }
    }
  }
  return { objectsMb: megabytes(objects), codeMb: megabytes(code), machineCodeMb: megabytes(machineCode), machineCodeByScript };
}

const megabytes = (bytes: number) => Math.round((bytes / 1_048_576) * 1000) / 1000;
