// Rewrites docs/offline-answers.md from the engine's tables: `node dist/tests/engine/update-answers-doc.js`.
import * as fs from "fs";
import * as path from "path";
import { offlineAnswersMarkdown } from "../../engine/answers-doc";

export const ANSWERS_DOC = path.resolve(__dirname, "..", "..", "..", "docs", "offline-answers.md");

if (require.main === module) {
  fs.writeFileSync(ANSWERS_DOC, offlineAnswersMarkdown());
  process.stdout.write(`wrote ${ANSWERS_DOC}\n`);
}
