// Checks rendered custom resources against their operators' CRD schemas, as kubernetes-models publishes them on npm
// (each package is generated from the operator's released CRDs or API types; versions in package.json).
//
//   node check.mjs OBJECTS.json   ->  stdout: [{"index": i, "problems": ["..."]}, ...] for every object given
//
// Two checks per object, because each misses what the other catches:
//  1. the CRD's OpenAPI schema, compiled to a validator (required fields, types, enums, patterns, bounds);
//  2. the same schema as TypeScript types: each object is type-checked as a literal of its kind's interface, so a
//     field the schema does not know is an error anywhere in the tree (CRD schemas allow unknown fields, which the
//     API server would silently prune: a misspelt field would vanish instead of failing).
// A kind this tool does not know is a problem, never a pass.
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const PACKAGES = {
  "kafka.strimzi.io/v1beta2": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2",
  "postgresql.cnpg.io/v1": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

const here = dirname(fileURLToPath(import.meta.url));
const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
const results = objects.map((_, index) => ({ index, problems: [] }));

// 1. The compiled OpenAPI validators.
const typed = [];
for (const [index, object] of objects.entries()) {
  const module = PACKAGES[object.apiVersion];
  const exported = module && (await import(module))[object.kind];
  if (!exported) {
    results[index].problems.push(`no CRD schema known for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new exported(object).validate();
  } catch (e) {
    results[index].problems.push(`schema: ${e.message}`);
  }
  typed.push({ index, module, object });
}

// 2. The TypeScript excess-property check, one literal per object, in a scratch file beside node_modules' resolution.
const lines = [];
const lineOwner = [];
const firstLine = {};
const push = (text, index) => {
  for (const line of text.split("\n")) {
    lines.push(line);
    lineOwner.push(index);
  }
};
for (const { index, module, object } of typed) {
  push(`import type { I${object.kind} as T${index} } from "${module}";`, index);
}
for (const { index, object } of typed) {
  firstLine[index] = lines.length;
  push(`export const o${index}: T${index} = ${JSON.stringify(object, null, 1)};`, index);
}
const scratch = mkdtempSync(join(here, ".check-"));
const file = join(scratch, "objects.ts");
try {
  writeFileSync(file, lines.join("\n"));
  const program = ts.createProgram([file], {
    noEmit: true, strict: true, skipLibCheck: true, types: [],
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
  });
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    if (!diagnostic.file || diagnostic.file.fileName !== file) {
      throw new Error(`type check failed outside the objects: ${message}`);
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const owner = lineOwner[line];
    const brief = message.length > 240 ? message.slice(0, 240) + "..." : message;
    results[owner].problems.push(`types, line ${line - firstLine[owner] + 1} of its JSON: ${brief}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(results));
