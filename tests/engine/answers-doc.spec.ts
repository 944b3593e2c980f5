// The one table of offline answers cannot drift from the code: the page is the code's tables, rendered.
import { strict as assert } from "assert";
import * as fs from "fs";
import { offlineAnswersMarkdown } from "../../engine/answers-doc";
import { DEFAULT_INVOKES } from "../../engine/invokes";
import { ANSWERS_DOC } from "./update-answers-doc";

describe("docs/offline-answers.md", () => {
  it("is exactly what the engine's tables render (run node dist/tests/engine/update-answers-doc.js)", () => {
    assert.equal(fs.readFileSync(ANSWERS_DOC, "utf8"), offlineAnswersMarkdown());
  });

  it("lists every built-in invoke token, and the README links it", () => {
    const doc = fs.readFileSync(ANSWERS_DOC, "utf8");
    for (const token of Object.keys(DEFAULT_INVOKES)) assert.ok(doc.includes(`\`${token}\``), token);
    const readme = fs.readFileSync(ANSWERS_DOC.replace(/docs[\\/]offline-answers\.md$/, "README.md"), "utf8");
    assert.match(readme, /docs\/offline-answers\.md/);
  });
});
