/**
 * Writes the generated part of docs/protocol.md (every route and event with its fields and limits)
 * from the contract's zod schemas, keeping the hand-written part above the marker:
 *   npm run docs:protocol
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL_REFERENCE_START, renderProtocolReference } from '../libs/contracts/src/lib/protocol-doc';

const file = join(__dirname, '..', 'docs', 'protocol.md');
const current = readFileSync(file, 'utf8');
const at = current.indexOf(PROTOCOL_REFERENCE_START);
const prose = at < 0 ? current.trimEnd() + '\n\n' : current.slice(0, at);
writeFileSync(file, `${prose}${PROTOCOL_REFERENCE_START}\n\n${renderProtocolReference()}`);
console.log(`Wrote ${file}`);
