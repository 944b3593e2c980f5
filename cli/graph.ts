// `groundwork graph`: the component tree of a stack, as Mermaid (components as groups, custom resources
// as nodes) for READMEs and reviews, or as nested JSON.
import { GraphResource, ResourceGraph, STACK_TYPE, isDefaultProvider } from "../engine";
import { describeIncomplete } from "../check/reporters/common";

export interface TreeNode {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly children: TreeNode[];
}

/** The stack as a tree rooted at the `pulumi:pulumi:Stack` resource. */
export function componentTree(graph: ResourceGraph): TreeNode {
  const nodes = new Map<string, TreeNode>(
    graph.resources.map((r) => [
      r.urn,
      { urn: r.urn, type: r.type, name: r.name, custom: r.custom, children: [] },
    ]),
  );
  const stack = graph.resources.find((r) => r.type === STACK_TYPE);
  const root: TreeNode = stack
    ? nodes.get(stack.urn)!
    : { urn: "", type: STACK_TYPE, name: `${graph.project}-${graph.stack}`, custom: false, children: [] };
  for (const r of graph.resources) {
    if (r === stack || isDefaultProvider(r)) continue;
    const parent = (r.parent && nodes.get(r.parent)) || root;
    parent.children.push(nodes.get(r.urn)!);
  }
  const sort = (n: TreeNode): void => {
    n.children.sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
    n.children.forEach(sort);
  };
  sort(root);
  return root;
}

/** Mermaid labels are quoted strings: quotes and angle brackets must be entities. */
function label(r: Pick<GraphResource, "type" | "name">): string {
  const clean = (s: string): string => s.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
  return `"${clean(r.name)}<br/><small>${clean(r.type)}</small>"`;
}

export function toMermaid(graph: ResourceGraph): string {
  const root = componentTree(graph);
  const lines = ["flowchart TB"];
  let id = 0;
  const walk = (n: TreeNode, indent: string): void => {
    for (const c of n.children) {
      const key = `r${id++}`;
      if (c.children.length === 0) {
        lines.push(`${indent}${key}[${label(c)}]`);
      } else {
        lines.push(`${indent}subgraph ${key}[${label(c)}]`);
        // A custom resource that parents others is a group that also shows itself.
        if (c.custom) lines.push(`${indent}  ${key}_self[${label(c)}]`);
        walk(c, indent + "  ");
        lines.push(`${indent}end`);
      }
    }
  };
  walk(root, "  ");
  return lines.join("\n") + "\n";
}

export function toGraphJson(graph: ResourceGraph): string {
  return (
    JSON.stringify({ project: graph.project, stack: graph.stack, root: componentTree(graph) }, null, 2) + "\n"
  );
}

/**
 * What the offline engine could not expand or decide, for stderr: the tree lacks what is behind each item
 * (a remote component's children …). Empty when there is none.
 */
export function incompleteNote(graph: ResourceGraph): string {
  if (graph.incomplete.length === 0) return "";
  const lines = graph.incomplete.map((i) => `  ${i.kind}  ${describeIncomplete(i)}`);
  return (
    `groundwork graph: incomplete (${graph.incomplete.length}): the tree lacks what is behind these` +
    ` (pin answers with --invokes, --stack-outputs):\n${lines.join("\n")}\n`
  );
}
