// Integration tests that serve pages import the production build (build/server/index.js):
// build it once here when it is missing or older than the code, so `npm run test:integration`
// passes on a fresh clone by itself (`npm test` has built it already, and this is a no-op).
import { ensureBuild } from "../../scripts/lib/build";

export default function setup() {
  ensureBuild((line) => console.log(line));
}
