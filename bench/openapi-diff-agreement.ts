/*
 * `node --import tsx bench/openapi-diff-agreement.ts`: our diff's verdicts beside openapi-diff's
 * own backward-compatibility tests on its own documents (test/fixtures/diff/openapi-diff/), printed
 * as the section `npm run bench` writes into bench/RESULTS.md.
 */
import { measurePeerAgreement, peerAgreementSection } from "./lib/openapi-diff-agreement.js";

process.stdout.write(peerAgreementSection(await measurePeerAgreement()));
