/*
 * `node --import tsx bench/oasdiff-agreement.ts`: our diff's verdicts beside oasdiff's on its
 * checker cases (test/fixtures/diff/oasdiff/), printed as the section `npm run bench` writes into
 * bench/RESULTS.md. Takes seconds, so it can run on its own after a change to a check.
 */
import { agreementSection, measureAgreement } from "./lib/oasdiff-agreement.js";

process.stdout.write(agreementSection(await measureAgreement()));
