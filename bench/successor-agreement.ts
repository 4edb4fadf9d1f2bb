/*
 * `node --import tsx bench/successor-agreement.ts`: successor matching on real PMM pairs it was
 * not tuned on, printed as the section `npm run bench` writes into bench/RESULTS.md.
 */
import { scoreSuccessors, successorSection, UNTUNED_PAIRS } from "./lib/successor-agreement.js";

process.stdout.write(successorSection(await Promise.all(UNTUNED_PAIRS.map((pair) => scoreSuccessors(pair)))));
