// `runtime.options.nodeargs` split into arguments exactly as the Node language host splits it: with
// github.com/google/shlex at e7afc7fbc510 (the version pulumi-language-nodejs's go.mod pins; main.go calls
// shlex.Split(opts.nodeargs)). Its rules differ from a POSIX shell's, so they are ported, not approximated:
// - whitespace is space, tab, CR and LF; every other character is part of a word;
// - `'…'` keeps everything literally; `"…"` keeps everything but `\`, which takes the next character
//   literally (any character, not only `"`, `\`, `$` as in a shell);
// - outside quotes, `\` takes the next character literally;
// - `#` at the start of a word starts a comment to the end of the line (inside a word it is a character);
// - an unclosed quote or a trailing `\` is an error (the host then fails the run with it).

const SPACE = new Set([" ", "\t", "\r", "\n"]);

/** The host's words for `nodeargs`, or an Error carrying shlex's own message. */
export function splitNodeArgs(text: string): string[] {
  const words: string[] = [];
  const chars = [...text];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i];
    if (SPACE.has(c)) {
      i++;
      continue;
    }
    if (c === "#") {
      // A comment token runs to the next newline (exclusive) and is dropped.
      while (i < chars.length && chars[i] !== "\n") i++;
      continue;
    }
    let word = "";
    let state: "word" | "escape" | "double" | "doubleEscape" | "single" = "word";
    for (; i < chars.length; i++) {
      const ch = chars[i];
      if (state === "word") {
        if (SPACE.has(ch)) break;
        if (ch === '"') state = "double";
        else if (ch === "'") state = "single";
        else if (ch === "\\") state = "escape";
        else word += ch;
      } else if (state === "escape") {
        word += ch;
        state = "word";
      } else if (state === "double") {
        if (ch === '"') state = "word";
        else if (ch === "\\") state = "doubleEscape";
        else word += ch;
      } else if (state === "doubleEscape") {
        word += ch;
        state = "double";
      } else if (ch === "'") state = "word";
      else word += ch;
    }
    if (state === "escape" || state === "doubleEscape") throw new Error("EOF found after escape character");
    if (state === "double" || state === "single") throw new Error("EOF found when expecting closing quote");
    words.push(word);
  }
  return words;
}
